// Measures what the watermark costs on the app's own synthesized speech: mark energy under the speech, verifier cosine
// between the marked and the unmarked 16-bit WAV file, pocketsphinx WER of both, and whether the mark reads back from
// the marked file, on Harvard sentences, clean and under seeded white noise at 40 to 20 dB SNR.
// Usage: npx tsx scripts/measure-watermark.ts [--voices a,b] [--sentences 20] [--out docs/watermark-impact.json]
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { addNoise } from '../ml/audio/noise';
import { writeWav16 } from '../ml/audio/wav';
import { initBackend } from '../ml/backend';
import { lazyModels } from '../ml/cloning/models';
import { VoiceCloneError } from '../ml/errors';
import { HARVARD_SENTENCES } from '../ml/eval/harvard-sentences';
import { mapLimit } from '../ml/eval/map-limit';
import { cosineSimilarity } from '../ml/eval/similarity';
import { recognizeCached } from '../ml/eval/tts-intelligibility';
import { corpusWordErrorRate } from '../ml/eval/wer';
import { builtinSpeaker, DEFAULT_GL_ITERATIONS, DEFAULT_MEL_SHARPENING, speak } from '../ml/models/tts/synthesize';
import { embedFile } from '../ml/models/verifier/embed';
import { seededRandom } from '../ml/random';
import { detect, detectFile } from '../ml/watermark/detect';
import { embed, markEnergyDb } from '../ml/watermark/embed';
import { voicePayload } from '../ml/watermark/payload';

/** Signal-to-noise ratios (dB, against the clip's whole power) at which each marked clip is read back under white noise. */
const NOISE_SNRS = [40, 35, 30, 25, 20];
/** Clip lengths (s) the noise read-back is also counted in. */
const LENGTH_BINS: Array<[number, number]> = [[0, 2], [2, 3], [3, Infinity]];

const { values } = parseArgs({
  options: {
    voices: { type: 'string' },
    sentences: { type: 'string', default: '20' },
    out: { type: 'string', default: 'docs/watermark-impact.json' },
    'asr-cache': { type: 'string', default: 'cache/asr/tts-eval' },
  },
});

try {
  process.env.VOICECLONE_BACKEND ??= 'wasm';
  const backend = await initBackend();
  const models = lazyModels();
  const tts = await models.tts();
  const verifier = await models.verifier();
  const sentences = Number(values.sentences);
  if (!Number.isInteger(sentences) || sentences < 1 || sentences > HARVARD_SENTENCES.length) {
    throw new VoiceCloneError('BAD_ARGUMENT', `--sentences must be a whole number from 1 to ${HARVARD_SENTENCES.length}.`);
  }
  const all = tts.builtinVoices.map((v) => v.id);
  const voices = values.voices ? values.voices.split(',').map((v) => v.trim()) : all;
  const unknown = voices.filter((v) => !all.includes(v));
  if (unknown.length > 0) throw new VoiceCloneError('BAD_ARGUMENT', `Unknown voices ${unknown.join(', ')}; built-in voices are ${all.join(', ')}.`);

  const scratch = await mkdtemp(path.join(os.tmpdir(), 'watermark-impact-'));
  const rows: Array<{ voice: string; index: number; seconds: number; markDb: number; cosine: number; decoded: boolean; underNoise: boolean[]; plain: string; marked: string }> = [];
  for (const voice of voices) {
    const payload = voicePayload(voice);
    for (let index = 0; index < sentences; index++) {
      const clip = await speak(tts, HARVARD_SENTENCES[index], builtinSpeaker(tts, voice));
      const marked = embed(clip, payload);
      const plain = path.join(scratch, `${voice}-${index}-plain.wav`);
      const markedWav = path.join(scratch, `${voice}-${index}-marked.wav`);
      await writeWav16(plain, clip);
      await writeWav16(markedWav, marked);
      const read = await detectFile(markedWav);
      rows.push({
        voice,
        index,
        seconds: clip.samples.length / clip.sampleRate,
        markDb: markEnergyDb(clip, marked),
        cosine: cosineSimilarity(await embedFile(verifier, plain), await embedFile(verifier, markedWav)),
        decoded: read.payload !== null && read.payload.voiceHash === payload.voiceHash,
        underNoise: NOISE_SNRS.map((snr) => detect({ samples: addNoise(marked.samples, snr, false, seededRandom(1000 * rows.length + snr)), sampleRate: marked.sampleRate }).payload?.voiceHash === payload.voiceHash),
        plain,
        marked: markedWav,
      });
    }
    console.error(`${voice}: synthesized and marked ${sentences} sentences`);
  }
  const asrCache = path.resolve(values['asr-cache']);
  const hyps = await mapLimit(rows, 2, async (r) => ({ plain: await recognizeCached(r.plain, asrCache), marked: await recognizeCached(r.marked, asrCache) }));
  await rm(scratch, { recursive: true, force: true });
  const perVoice = voices.map((voice) => {
    const mine = rows.map((r, k) => ({ r, h: hyps[k] })).filter(({ r }) => r.voice === voice);
    const pairs = (key: 'plain' | 'marked') => mine.map(({ r, h }) => ({ reference: HARVARD_SENTENCES[r.index], hypothesis: h[key] }));
    const cos = mine.map(({ r }) => r.cosine);
    return {
      voice,
      werPlain: corpusWordErrorRate(pairs('plain')).wer,
      werMarked: corpusWordErrorRate(pairs('marked')).wer,
      cosineMean: cos.reduce((a, b) => a + b, 0) / cos.length,
      cosineMin: Math.min(...cos),
      markDbMax: Math.max(...mine.map(({ r }) => r.markDb)),
      decoded: mine.filter(({ r }) => r.decoded).length,
    };
  });
  const allPairs = (key: 'plain' | 'marked') => rows.map((r, k) => ({ reference: HARVARD_SENTENCES[r.index], hypothesis: hyps[k][key] }));
  const cosines = rows.map((r) => r.cosine);
  const summary = {
    writtenAt: new Date().toISOString(),
    backend: backend.name,
    tts: { version: tts.modelVersion, step: tts.training.step ?? null, melSharpening: DEFAULT_MEL_SHARPENING, griffinLimIterations: DEFAULT_GL_ITERATIONS },
    sentences,
    clips: rows.length,
    werPlain: corpusWordErrorRate(allPairs('plain')).wer,
    werMarked: corpusWordErrorRate(allPairs('marked')).wer,
    cosineMean: cosines.reduce((a, b) => a + b, 0) / cosines.length,
    cosineMin: Math.min(...cosines),
    clipsBelow099: cosines.filter((c) => c < 0.99).length,
    markDbMax: Math.max(...rows.map((r) => r.markDb)),
    decoded: rows.filter((r) => r.decoded).length,
    undecoded: rows.filter((r) => !r.decoded).map((r) => ({ voice: r.voice, index: r.index, seconds: r.seconds })),
    underNoise: NOISE_SNRS.map((snrDb, i) => ({
      snrDb,
      decoded: rows.filter((r) => r.underNoise[i]).length,
      byLength: LENGTH_BINS.map(([from, to]) => {
        const inBin = rows.filter((r) => r.seconds >= from && r.seconds < to);
        return { from, to, clips: inBin.length, decoded: inBin.filter((r) => r.underNoise[i]).length };
      }),
    })),
    undecodedAt20Db: rows.filter((r) => !r.underNoise[NOISE_SNRS.indexOf(20)]).map((r) => ({ voice: r.voice, index: r.index, seconds: r.seconds })),
    perVoice,
  };
  await mkdir(path.dirname(path.resolve(values.out)), { recursive: true });
  await writeFile(values.out, `${JSON.stringify(summary, null, 1)}\n`);
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  console.log('| voice | WER unmarked | WER marked | verifier cosine mean | min | mark energy (worst) | decoded |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const v of perVoice) {
    console.log(`| ${v.voice} | ${pct(v.werPlain)} | ${pct(v.werMarked)} | ${v.cosineMean.toFixed(4)} | ${v.cosineMin.toFixed(4)} | ${v.markDbMax.toFixed(1)} dB | ${v.decoded} of ${sentences} |`);
  }
  console.log(`| all ${rows.length} clips | ${pct(summary.werPlain)} | ${pct(summary.werMarked)} | ${summary.cosineMean.toFixed(4)} | ${summary.cosineMin.toFixed(4)} | ${summary.markDbMax.toFixed(1)} dB | ${summary.decoded} of ${rows.length} |`);
  console.log(`read back under white noise: ${summary.underNoise.map((n) => `${n.snrDb} dB ${n.decoded} of ${rows.length}`).join(', ')}`);
  for (const n of summary.underNoise) {
    console.log(`  ${n.snrDb} dB by length: ${n.byLength.map((b) => `${b.to === Infinity ? `${b.from} s or more` : `${b.from}–${b.to} s`} ${b.decoded} of ${b.clips}`).join(', ')}`);
  }
  console.log(`clips with cosine < 0.99: ${summary.clipsBelow099}; wrote ${values.out}`);
} catch (e) {
  console.error(e instanceof VoiceCloneError ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(1);
}
