// Extends the trained TTS model with real LibriSpeech speakers for fine-tuning: their ~3 s segments with pocketsphinx
// text join the training set, and each new table row starts at a vector fitted by embedding-only adaptation.
// Usage: npx tsx scripts/prepare-tts-finetune.ts fit [--shard 0/2]   (resumable; one process per core), then
//        npx tsx scripts/prepare-tts-finetune.ts build, then
//        npm run train:tts -- --init-from cache/tts/finetune-init --data cache/tts/data-libri --out cache/tts/finetune --learning-rate 5e-4 --steps 1200
import { appendFile, mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { initBackend, tf } from '../ml/backend';
import { adaptVoice, meanSpeaker } from '../ml/cloning/adapt';
import { readSharedData } from '../ml/data/corpora/shared-data';
import { VoiceCloneError } from '../ml/errors';
import { loadBenchSpeaker, type SpeakerContext } from '../ml/eval/bench/speakers';
import { alignDurations } from '../ml/models/tts/align';
import { buildTtsDataset, loadTtsDataset, saveTtsDataset, type TtsSource } from '../ml/models/tts/dataset';
import { fineTuneSpeakerKeys } from '../ml/models/tts/finetune-speakers';
import { ttsConfig } from '../ml/models/tts/model';
import { loadTts, saveTts } from '../ml/models/tts/weights';

/** One fitted speaker, one JSON line in `<work>/fitted.jsonl.<shard>`. */
interface FittedSpeaker {
  speaker: string;
  ttsModelVersion: string;
  clips: Array<{ id: string; text: string }>;
  embedding: number[];
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    base: { type: 'string', default: 'cache/tts/checkpoint' },
    data: { type: 'string', default: 'cache/tts/data' },
    work: { type: 'string', default: 'cache/tts/finetune-work' },
    'out-data': { type: 'string', default: 'cache/tts/data-libri' },
    'out-init': { type: 'string', default: 'cache/tts/finetune-init' },
    shard: { type: 'string', default: '0/1' },
  },
});
const stage = positionals[0];
const shard = /^(\d+)\/(\d+)$/.exec(values.shard);
if ((stage !== 'fit' && stage !== 'build') || positionals.length !== 1 || !shard || Number(shard[1]) >= Number(shard[2])) {
  console.error('Usage: prepare-tts-finetune.ts fit [--shard i/n] | build   (--shard like 0/2: this process / how many)');
  process.exit(2);
}
const log = (line: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${line}`);
const backend = await initBackend();
log(`backend ${backend.name}`);
const corpus = readSharedData();
const libri = corpus.utterances.filter((u) => u.corpus === 'librispeech-subset');
const keys = fineTuneSpeakerKeys({ name: 'librispeech-subset', utterances: libri, speakers: [...new Set(libri.map((u) => u.speaker))].sort(), skipped: [] });
const ctx: SpeakerContext = { corpus, asrCacheDir: path.join(values.work, 'asr'), scratchDir: path.join(values.work, 'segments'), synthesisIds: new Set() };
const base = await loadTts(values.base);
await mkdir(values.work, { recursive: true });

async function readFitted(): Promise<FittedSpeaker[]> {
  const files = (await readdir(values.work)).filter((f) => f.startsWith('fitted.jsonl.'));
  const lines = (await Promise.all(files.map((f) => readFile(path.join(values.work, f), 'utf8')))).flatMap((t) => t.split('\n').filter(Boolean));
  return lines.map((l) => JSON.parse(l) as FittedSpeaker).sort((a, b) => a.speaker.localeCompare(b.speaker));
}

if (stage === 'fit') {
  const file = path.join(values.work, `fitted.jsonl.${shard[1]}`);
  const done = new Set((await readFitted()).map((r) => r.speaker));
  const mine = keys.filter((_, i) => i % Number(shard[2]) === Number(shard[1]));
  log(`${mine.length} speakers in shard ${values.shard}, ${mine.filter((k) => done.has(k)).length} already fitted`);
  for (const key of mine) {
    if (done.has(key)) continue;
    try {
      const speaker = await loadBenchSpeaker(key, ctx);
      const clips = await speaker.cloneClips(speaker.maxClips);
      const result = await adaptVoice(base, clips, { method: 'adapt-embedding' });
      const record: FittedSpeaker = { speaker: key, ttsModelVersion: base.modelVersion, clips: clips.map((c) => ({ id: c.id, text: c.text })), embedding: Array.from(result.embedding) };
      await appendFile(file, `${JSON.stringify(record)}\n`);
      log(`${key}: ${clips.length} clips, ${result.steps} steps`);
    } catch (e) {
      if (!(e instanceof VoiceCloneError)) throw e;
      log(`${key}: skipped (${e.message})`);
    }
  }
} else {
  const fitted = (await readFitted()).filter((r) => r.ttsModelVersion === base.modelVersion);
  if (fitted.length === 0) throw new VoiceCloneError('DATA_MISSING', `No speakers fitted with ${base.modelVersion} in ${values.work}: run the fit stage first.`);
  const sources: TtsSource[] = fitted.flatMap((r) =>
    r.clips
      .filter((c) => c.text.trim().split(/\s+/).length >= 2)
      .map((c) => ({ id: `libri:${c.id}`, speakerKey: r.speaker, corpus: 'librispeech-subset', description: `LibriSpeech ${r.speaker.split(':')[1]}`, path: path.join(ctx.scratchDir, `${c.id.replace('#', '_')}.wav`), text: c.text })),
  );
  const old = loadTtsDataset(values.data);
  if (old.speakers.map((s) => s.key).join('\n') !== base.speakers.map((s) => s.key).join('\n')) throw new VoiceCloneError('BAD_ARGUMENT', `${values.base} and ${values.data} list different speakers.`);
  const added = await buildTtsDataset(sources, log);
  const utterances = [...old.utterances, ...added.utterances.map((u) => ({ ...u, speaker: u.speaker + old.speakers.length }))];
  const durations = alignDurations(utterances, 8, log);
  for (let k = old.utterances.length; k < utterances.length; k++) utterances[k].durations = durations[k];
  const speakers = [...old.speakers, ...added.speakers];
  await saveTtsDataset(values['out-data'], { inventory: old.inventory, speakers, utterances });
  log(`saved ${values['out-data']}: ${utterances.length} clips of ${speakers.length} speakers (${added.utterances.length} new clips, ${added.speakers.length} new speakers)`);

  const rows = new Map(fitted.map((r) => [r.speaker, r.embedding]));
  const mean = Array.from(meanSpeaker(base));
  const grown = tf.concat([base.weights.speakerTable, tf.tensor2d(added.speakers.map((s) => rows.get(s.key) ?? mean))], 0);
  await saveTts(values['out-init'], { ...base.weights, speakerTable: grown }, {
    modelVersion: base.modelVersion,
    inventory: base.inventory,
    config: ttsConfig(speakers.length),
    speakers,
    builtinVoices: [],
    training: { step: 0, initFrom: base.modelVersion },
  });
  log(`saved ${values['out-init']}: ${base.modelVersion} with its speaker table grown to ${speakers.length} rows`);
}
