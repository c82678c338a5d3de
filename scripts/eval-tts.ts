// Evaluates the TTS model: intelligibility (pocketsphinx WER on Harvard sentences, against flite slt) and speaker identity
// (verifier nearest-centroid accuracy). Usage: npm run eval:tts -- [--model dir] [--voices a,b] [--sentences 50] [--out docs/tts-eval]
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeWav16 } from '../ml/audio/wav';
import { initBackend } from '../ml/backend';
import { readAsteriskPrompts } from '../ml/data/corpora/asterisk-prompts';
import { SHARED_DATA_ROOT } from '../ml/data/corpora/shared-data';
import { readVcc2016 } from '../ml/data/corpora/vcc2016';
import { MANIFEST_FILE, readSynthManifest } from '../ml/data/synth/cache';
import { VoiceCloneError } from '../ml/errors';
import { words } from '../ml/eval/asr';
import { HARVARD_SENTENCES } from '../ml/eval/harvard-sentences';
import { mapLimit } from '../ml/eval/map-limit';
import { nearestCentroidSpeakerId, type SpeakerIdResult, type SpeakerUtterance } from '../ml/eval/speaker-id';
import { fliteSltWav, recognizeCached, summarizeIntelligibility, type IntelligibilitySummary, type Transcribed } from '../ml/eval/tts-intelligibility';
import { writeFileAtomic } from '../ml/files';
import { BUILTIN_VOICE_CHOICES } from '../ml/models/tts/builtin-voices';
import { builtinSpeaker, DEFAULT_GL_ITERATIONS, DEFAULT_MEL_SHARPENING, speak } from '../ml/models/tts/synthesize';
import { DEFAULT_TTS_DIR, loadTts } from '../ml/models/tts/weights';
import { embedFile, loadVerifier } from '../ml/models/verifier/embed';

/** Speaker identity: Harvard sentences 1-5 are the test utterances, 6-10 the synthesized references. */
const ID_TEST = [0, 1, 2, 3, 4];
const ID_REFERENCE = [5, 6, 7, 8, 9];
/** Training recordings per voice for the secondary (real-reference) centroids. */
const TRAINING_REFERENCES = 10;
/** pocketsphinx processes at once (the machine has 2 cores). */
const ASR_WORKERS = 2;

const { values } = parseArgs({
  options: {
    model: { type: 'string', default: DEFAULT_TTS_DIR },
    voices: { type: 'string' },
    sentences: { type: 'string', default: String(HARVARD_SENTENCES.length) },
    out: { type: 'string', default: 'docs/tts-eval' },
    cache: { type: 'string', default: 'cache/tts-eval' },
    'asr-cache': { type: 'string', default: 'cache/asr/tts-eval' },
    synth: { type: 'string', default: 'cache/synth' },
  },
});

const log = (line: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${line}`);

function sentenceCount(): number {
  const n = Number(values.sentences);
  if (!Number.isInteger(n) || n < 1 || n > HARVARD_SENTENCES.length) {
    throw new VoiceCloneError('BAD_ARGUMENT', `--sentences must be a whole number from 1 to ${HARVARD_SENTENCES.length}, not "${values.sentences}".`);
  }
  return n;
}

const harvardName = (index: number): string => `harvard-${String(index + 1).padStart(2, '0')}.wav`;

/**
 * Up to TRAINING_REFERENCES training recordings of a built-in voice's speaker (`real`: a person, not a synthetic-corpus
 * voice); empty when its corpus is not here.
 */
function trainingRecordings(speakerKey: string, synthDir: string): { source: string; real: boolean; files: string[] } {
  const [corpus, speaker] = speakerKey.split(':');
  const byId = <U extends { id: string }>(a: U, b: U): number => a.id.localeCompare(b.id);
  if (corpus === 'vcc2016') {
    const utts = readVcc2016(path.join(SHARED_DATA_ROOT, 'vcc2016')).utterances.filter((u) => u.speaker === speaker && u.split === 'train');
    return { source: `VCC2016 train ${speaker}`, real: true, files: utts.sort(byId).slice(0, TRAINING_REFERENCES).map((u) => u.path) };
  }
  if (corpus === 'asterisk') {
    // Whole sentences only: many prompts are a single word, too short to say much about a voice.
    const utts = readAsteriskPrompts().utterances.filter((u) => words(u.text ?? '').length >= 6);
    return { source: 'Asterisk prompts (≥ 6 words)', real: true, files: utts.sort(byId).slice(0, TRAINING_REFERENCES).map((u) => u.path) };
  }
  if (corpus === 'synth' && existsSync(path.join(synthDir, MANIFEST_FILE))) {
    const manifest = readSynthManifest(synthDir);
    const items = manifest.items.filter((i) => i.speaker === speaker && !i.speakerHeldOut && !i.sentenceHeldOut && i.audioFile !== null);
    return { source: `synthetic corpus ${speaker}`, real: false, files: items.sort(byId).slice(0, TRAINING_REFERENCES).map((i) => path.join(manifest.dir, i.audioFile!)) };
  }
  return { source: 'none here', real: false, files: [] };
}

const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;

function confusionTable(r: SpeakerIdResult): string[] {
  return [
    `| true \\ predicted | ${r.labels.join(' | ')} |`,
    `|---|${r.labels.map(() => '---:').join('|')}|`,
    ...r.labels.map((l, i) => `| ${l} | ${r.confusion[i].join(' | ')} |`),
  ];
}

function readme(args: {
  model: { dir: string; modelVersion: string; step: unknown };
  machine: string;
  date: string;
  sentences: number;
  intelligibility: IntelligibilitySummary;
  synthRtf: number | null;
  synthetic: SpeakerIdResult;
  training: SpeakerIdResult | null;
  trainingReal: SpeakerIdResult | null;
  trainingSources: Record<string, string>;
}): string {
  const { intelligibility: intel, synthetic, training, trainingReal } = args;
  const ratio = (r: number | null): string => (r === null ? 'n/a (flite made no error)' : `${r.toFixed(2)}×`);
  return [
    '# TTS evaluation',
    '',
    'Generated by `npm run eval:tts` (scripts/eval-tts.ts); every figure below is measured, none edited by hand.',
    '',
    `- Model: \`${args.model.dir}\`, version \`${args.model.modelVersion}\`, training step ${String(args.model.step)}`,
    `- Machine: ${args.machine}`,
    `- Date: ${args.date}`,
    `- Text: the first ${args.sentences} Harvard sentences (IEEE 1969 lists 1–5; none is in the TTS training text)`,
    `- Synthesis: mel postfilter ${DEFAULT_MEL_SHARPENING}, Griffin-Lim ${DEFAULT_GL_ITERATIONS} iterations${args.synthRtf === null ? '' : `; real-time factor of the synthesis done in this run ${args.synthRtf.toFixed(2)}`}`,
    '',
    '## Intelligibility (pocketsphinx word error rate)',
    '',
    'Transcripts by pocketsphinx (pocketsphinx-en-us); reference and transcript normalized alike (lower case, no punctuation,',
    'numbers as words). Baseline: `flite -voice slt` on the same sentences, resampled to 16 kHz with sox.',
    '',
    '| voice | WER | errors / words | ratio to flite |',
    '|---|---:|---:|---:|',
    `| flite slt (baseline) | ${pct(intel.baseline.wer)} | ${intel.baseline.errors} / ${intel.baseline.referenceWords} | 1.00× |`,
    ...intel.voices.map((v) => `| ${v.voice} | ${pct(v.wer)} | ${v.errors} / ${v.referenceWords} | ${ratio(v.ratioToBaseline)} |`),
    '',
    `Best ${intel.best.length}: ${intel.best.join(', ')}.`,
    '',
    '## Speaker identity (verifier, nearest centroid)',
    '',
    `Test: Harvard sentences ${ID_TEST[0] + 1}–${ID_TEST[ID_TEST.length - 1] + 1} synthesized with each built-in voice, embedded by the speaker verifier and`,
    'assigned to the most cosine-similar voice centroid.',
    '',
    `- References = the same voice's synthesized Harvard sentences ${ID_REFERENCE[0] + 1}–${ID_REFERENCE[ID_REFERENCE.length - 1] + 1} (never a test sentence):` +
      ` **${pct(synthetic.accuracy)}** (${synthetic.correct} / ${synthetic.predictions.length}).`,
    training
      ? `- References = up to ${TRAINING_REFERENCES} of the voice's training recordings: **${pct(training.accuracy)}** (${training.correct} / ${training.predictions.length}), over ${training.labels.length} voices.`
      : '- References = training recordings: not measured (no training recordings found here).',
    trainingReal
      ? `- References = training recordings of real people only (VCC2016, Asterisk): **${pct(trainingReal.accuracy)}** (${trainingReal.correct} / ${trainingReal.predictions.length}), over ${trainingReal.labels.length} voices.`
      : '- References = training recordings of real people: not measured (none found here).',
    '',
    'Confusion, synthesized references (rows: true voice; columns: predicted):',
    '',
    ...confusionTable(synthetic),
    '',
    ...(training
      ? [
          'Confusion, training-recording references:',
          '',
          ...confusionTable(training),
          '',
          'Training recordings used as references:',
          '',
          ...Object.entries(args.trainingSources).map(([voice, source]) => `- ${voice}: ${source}`),
          '',
        ]
      : []),
    'Per-utterance transcripts, predictions and cosines are in `results.json`.',
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const sentences = sentenceCount();
  const backend = await initBackend();
  const modelDir = path.resolve(values.model);
  const tts = await loadTts(modelDir);
  const step = tts.training.step;
  const builtinIds = tts.builtinVoices.map((v) => v.id);
  if (builtinIds.length === 0) throw new VoiceCloneError('BAD_ARGUMENT', `${modelDir} has no built-in voices: export it with scripts/export-tts.ts.`);
  const voices = values.voices ? values.voices.split(',').map((v) => v.trim()).filter((v) => v !== '') : builtinIds;
  const unknown = voices.filter((v) => !builtinIds.includes(v));
  if (unknown.length > 0 || voices.length === 0) {
    throw new VoiceCloneError('BAD_ARGUMENT', `--voices must list built-in voices of this model (${builtinIds.join(', ')}); unknown: ${unknown.join(', ') || '(none given)'}.`);
  }
  log(`model ${modelDir}: version ${tts.modelVersion}, step ${String(step)}, backend ${backend.name}`);

  // Synthesized WAVs are reused only for the same weights and synthesis settings.
  const settings = `pf${DEFAULT_MEL_SHARPENING}-gl${DEFAULT_GL_ITERATIONS}`;
  const runDir = path.resolve(values.cache, `step${String(step)}-${tts.modelVersion}-${settings}`.replace(/[^A-Za-z0-9._-]/g, '_'));
  const asrCache = path.resolve(values['asr-cache']);
  const wavOf = (voice: string, index: number): string => path.join(runDir, voice, harvardName(index));

  // 1. Synthesis: intelligibility sentences for the chosen voices, speaker-identity sentences for every built-in voice.
  const idIndices = [...ID_TEST, ...ID_REFERENCE];
  const jobs = new Map<string, { voice: string; index: number }>();
  for (const voice of voices) for (let i = 0; i < sentences; i++) jobs.set(wavOf(voice, i), { voice, index: i });
  for (const voice of builtinIds) for (const i of idIndices) jobs.set(wavOf(voice, i), { voice, index: i });
  const todo = [...jobs].filter(([wav]) => !existsSync(wav));
  log(`${jobs.size} synthesized utterances needed, ${todo.length} to synthesize into ${runDir}`);
  let synthSeconds = 0;
  let audioSeconds = 0;
  for (const [k, [wav, { voice, index }]] of todo.entries()) {
    await mkdir(path.dirname(wav), { recursive: true });
    const t0 = performance.now();
    const audio = await speak(tts, HARVARD_SENTENCES[index], builtinSpeaker(tts, voice));
    synthSeconds += (performance.now() - t0) / 1000;
    audioSeconds += audio.samples.length / audio.sampleRate;
    await writeWav16(wav, audio);
    if ((k + 1) % 25 === 0) log(`synthesized ${k + 1}/${todo.length} (real-time factor so far ${(synthSeconds / audioSeconds).toFixed(2)})`);
  }

  // 2. Intelligibility: pocketsphinx on every intelligibility WAV and on flite slt's readings.
  const fliteDir = path.resolve(values.cache, 'flite-slt');
  await mkdir(fliteDir, { recursive: true });
  const fliteWavs = HARVARD_SENTENCES.slice(0, sentences).map((_, i) => path.join(fliteDir, harvardName(i)));
  for (const [i, wav] of fliteWavs.entries()) if (!existsSync(wav)) await fliteSltWav(HARVARD_SENTENCES[i], wav);
  const asrJobs = [
    ...fliteWavs.map((wav, index) => ({ voice: 'flite-slt', index, wav })),
    ...voices.flatMap((voice) => HARVARD_SENTENCES.slice(0, sentences).map((_, index) => ({ voice, index, wav: wavOf(voice, index) }))),
  ];
  log(`recognizing ${asrJobs.length} WAVs with ${ASR_WORKERS} pocketsphinx processes (cached under ${asrCache})`);
  let done = 0;
  const transcribed: Transcribed[] = await mapLimit(asrJobs, ASR_WORKERS, async ({ voice, index, wav }) => {
    const hypothesis = await recognizeCached(wav, asrCache);
    if (++done % 50 === 0) log(`recognized ${done}/${asrJobs.length}`);
    return { voice, reference: HARVARD_SENTENCES[index], hypothesis };
  });
  const intelligibility = summarizeIntelligibility(
    transcribed.filter((t) => t.voice !== 'flite-slt'),
    transcribed.filter((t) => t.voice === 'flite-slt'),
  );
  log(`flite slt WER ${pct(intelligibility.baseline.wer)}; ${intelligibility.voices.map((v) => `${v.voice} ${pct(v.wer)}`).join(', ')}`);

  // 3. Speaker identity with the verifier.
  const verifier = await loadVerifier();
  const embedAll = async (files: Array<{ id: string; speaker: string; file: string }>): Promise<SpeakerUtterance[]> => {
    const out: SpeakerUtterance[] = [];
    for (const f of files) out.push({ id: f.id, speaker: f.speaker, embedding: await embedFile(verifier, f.file) });
    return out;
  };
  const synthesized = (indices: number[]) =>
    builtinIds.flatMap((voice) => indices.map((i) => ({ id: `${voice}/${harvardName(i)}`, speaker: voice, file: wavOf(voice, i) })));
  const tests = await embedAll(synthesized(ID_TEST));
  const synthetic = nearestCentroidSpeakerId(await embedAll(synthesized(ID_REFERENCE)), tests);
  log(`speaker identity, synthesized references: ${pct(synthetic.accuracy)}`);

  const trainingSources: Record<string, string> = {};
  const trainingFiles: Array<{ id: string; speaker: string; file: string }> = [];
  const realVoices = new Set<string>();
  for (const voice of builtinIds) {
    const choice = BUILTIN_VOICE_CHOICES.find((c) => c.id === voice);
    const { source, real, files } = choice
      ? trainingRecordings(choice.speakerKey, path.resolve(values.synth))
      : { source: 'not a known built-in voice', real: false, files: [] };
    trainingSources[voice] = `${files.length} clips, ${source}`;
    if (real) realVoices.add(voice);
    trainingFiles.push(...files.map((file) => ({ id: file, speaker: voice, file })));
  }
  const trainingEmbeddings = await embedAll(trainingFiles);
  // Only voices that have references are tested against them.
  const classify = (references: SpeakerUtterance[]): SpeakerIdResult | null => {
    const enrolled = new Set(references.map((r) => r.speaker));
    return enrolled.size === 0 ? null : nearestCentroidSpeakerId(references, tests.filter((t) => enrolled.has(t.speaker)));
  };
  const training = classify(trainingEmbeddings);
  const trainingReal = classify(trainingEmbeddings.filter((r) => realVoices.has(r.speaker)));
  if (training) log(`speaker identity, training-recording references: ${pct(training.accuracy)} over ${training.labels.length} voices`);
  if (trainingReal) log(`speaker identity, real-recording references: ${pct(trainingReal.accuracy)} over ${trainingReal.labels.length} voices`);

  // 4. Results.
  const cpu = os.cpus();
  const machine = `${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${os.platform()} ${os.release()}, Node ${process.version}, tfjs ${backend.name}`;
  const date = new Date().toISOString();
  const model = { dir: modelDir, modelVersion: tts.modelVersion, step };
  const synthRtf = audioSeconds > 0 ? synthSeconds / audioSeconds : null;
  const outDir = path.resolve(values.out);
  await mkdir(outDir, { recursive: true });
  const results = {
    model,
    machine,
    date,
    sentences,
    griffinLimIterations: DEFAULT_GL_ITERATIONS,
    melSharpening: DEFAULT_MEL_SHARPENING,
    synthesis: { utterancesThisRun: todo.length, seconds: synthSeconds, audioSeconds, realTimeFactor: synthRtf },
    intelligibility: { ...intelligibility, utterances: transcribed },
    speakerIdentity: {
      testSentences: ID_TEST.map((i) => i + 1),
      synthesizedReferences: { referenceSentences: ID_REFERENCE.map((i) => i + 1), ...synthetic },
      trainingReferences: training ? { perVoice: trainingSources, ...training } : null,
      realTrainingReferences: trainingReal,
    },
  };
  await writeFileAtomic(path.join(outDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  await writeFileAtomic(path.join(outDir, 'README.md'), readme({ model, machine, date, sentences, intelligibility, synthRtf, synthetic, training, trainingReal, trainingSources }));
  log(`wrote ${path.join(outDir, 'results.json')} and README.md`);
}

main().catch((e: unknown) => {
  console.error(e instanceof VoiceCloneError ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(1);
});
