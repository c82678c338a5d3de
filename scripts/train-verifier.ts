// Trains the speaker verifier on the real speakers of ../shared/data (held-out speakers removed), Debian's Asterisk
// voice and the synthetic corpus. Usage: npx tsx scripts/train-verifier.ts [--steps 3000] [--resume] [--out DIR] …
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { initBackend } from '../ml/backend';
import { readAsteriskPrompts } from '../ml/data/corpora/asterisk-prompts';
import { readSharedData } from '../ml/data/corpora/shared-data';
import type { Utterance } from '../ml/data/corpora/types';
import { MANIFEST_FILE, readSynthManifest } from '../ml/data/synth/cache';
import { realSpeakerStreams, synthSpeakerStreams, type SpeakerStream } from '../ml/models/verifier/dataset';
import { heldOutKeys } from '../ml/models/verifier/heldout';
import { DEFAULT_TRAIN_OPTIONS, trainVerifier } from '../ml/models/verifier/train';
import { loadVerifierFiles, MODEL_FILE } from '../ml/models/verifier/weights';

const { values } = parseArgs({
  options: {
    steps: { type: 'string', default: String(DEFAULT_TRAIN_OPTIONS.steps) },
    resume: { type: 'boolean', default: false },
    'init-from': { type: 'string' },
    'learning-rate': { type: 'string', default: String(DEFAULT_TRAIN_OPTIONS.learningRate) },
    out: { type: 'string', default: 'cache/verifier/checkpoint' },
    features: { type: 'string', default: 'cache/verifier/features' },
    synth: { type: 'string', default: 'cache/synth' },
    'no-synth': { type: 'boolean', default: false },
    'augmented-versions': { type: 'string', default: '1' },
    'limit-per-corpus': { type: 'string' },
    'speakers-per-batch': { type: 'string', default: String(DEFAULT_TRAIN_OPTIONS.speakersPerBatch) },
    'checkpoint-every': { type: 'string', default: String(DEFAULT_TRAIN_OPTIONS.checkpointEvery) },
    'synth-share': { type: 'string', default: String(DEFAULT_TRAIN_OPTIONS.synthShare) },
    'speed-perturb': { type: 'string', default: '' },
    'random-eq': { type: 'string', default: '0' },
    'window-frames': { type: 'string', default: `${DEFAULT_TRAIN_OPTIONS.windowFrames[0]},${DEFAULT_TRAIN_OPTIONS.windowFrames[1]}` },
  },
});

function int(name: keyof typeof values): number {
  const v = Number(values[name]);
  if (!Number.isInteger(v) || v < 0) throw new Error(`--${name} must be a whole number, not ${values[name]}`);
  return v;
}

function share(name: keyof typeof values): number {
  const v = Number(values[name]);
  if (!(v >= 0 && v <= 1)) throw new Error(`--${name} must be a share between 0 and 1, not ${values[name]}`);
  return v;
}

const log = (line: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${line}`);
const backend = await initBackend();
log(`backend ${backend.name}: ${backend.reason}`);

const shared = readSharedData();
const libri = { ...shared, utterances: shared.utterances.filter((u) => u.corpus === 'librispeech-subset') };
libri.speakers = [...new Set(libri.utterances.map((u) => u.speaker))].sort();
const heldOut = heldOutKeys(libri);
const limit = values['limit-per-corpus'] === undefined ? Infinity : int('limit-per-corpus');
const training = (u: Utterance) => !heldOut.has(`${u.corpus}:${u.speaker}`) && !(u.corpus === 'vcc2016' && u.split === 'eval');

const sources: Array<[string, Utterance[]]> = [];
for (const corpus of ['vcc2016', 'librispeech-subset', 'fsdd']) {
  sources.push([corpus, shared.utterances.filter((u) => u.corpus === corpus && training(u)).slice(0, limit)]);
}
try {
  sources.push(['asterisk', readAsteriskPrompts().utterances.slice(0, limit)]);
} catch (e) {
  log(`asterisk prompts skipped: ${e instanceof Error ? e.message : String(e)}`);
}

const augmentedVersions = int('augmented-versions');
const randomEq = Number(values['random-eq']);
if (!(randomEq >= 0 && randomEq <= 2)) throw new Error(`--random-eq takes an amplitude from 0 (off) to 2 natural-log units, not ${values['random-eq']}`);
const windowFrames = values['window-frames']!.split(',').map(Number);
if (windowFrames.length !== 2 || !windowFrames.every(Number.isInteger) || windowFrames[0] < 16 || windowFrames[1] < windowFrames[0] || windowFrames[1] > 400) {
  throw new Error(`--window-frames takes the shortest and longest training window in frames, 16 to 400 (e.g. 48,128), not ${values['window-frames']}`);
}
// Speed-perturbed copies of the multi-speaker real corpora, each speed a new set of speakers.
const speeds = values['speed-perturb'] === '' ? [] : values['speed-perturb']!.split(',').map(Number);
if (speeds.some((s) => !(s >= 0.5 && s <= 2) || s === 1)) throw new Error(`--speed-perturb takes speeds between 0.5 and 2 other than 1 (e.g. 0.9,1.1), not ${values['speed-perturb']}`);
const perturbed = sources.filter(([n]) => n === 'vcc2016' || n === 'librispeech-subset');
const runs = [...sources.map(([name, utterances]) => ({ name, utterances, speed: 1 })), ...speeds.flatMap((speed) => perturbed.map(([name, utterances]) => ({ name: `${name}@${speed}`, utterances, speed })))];
const streams: SpeakerStream[] = [];
for (const { name, utterances, speed } of runs) {
  const suffix = Number.isFinite(limit) ? `-limit${limit}` : '';
  const s = await realSpeakerStreams(`${name}${suffix}`, utterances, { cacheDir: values.features, augmentedVersions, seed: 1, speed, log });
  log(`${name}: ${s.length} speakers, ${s.reduce((n, x) => n + x.frames[0], 0)} clean frames`);
  streams.push(...s);
}
const synthDir = path.resolve(values.synth);
// A resumed run keeps the synthetic speakers it started with, even if the synthetic corpus has grown since.
const checkpointFile = path.join(values.out, MODEL_FILE);
const resumeSpeakers = values.resume && existsSync(checkpointFile) ? new Set((await loadVerifierFiles(values.out)).training.speakers as string[]) : null;
if (!values['no-synth'] && existsSync(path.join(synthDir, MANIFEST_FILE))) {
  const s = synthSpeakerStreams(readSynthManifest(synthDir))
    .filter((x) => resumeSpeakers === null || resumeSpeakers.has(x.key))
    .slice(0, Number.isFinite(limit) ? 4 : undefined);
  log(`synth: ${s.length} speakers, ${s.reduce((n, x) => n + x.frames[0], 0)} frames`);
  streams.push(...s);
} else {
  log(`synth: not used (${values['no-synth'] ? '--no-synth' : `no corpus at ${synthDir}`})`);
}

const t0 = Date.now();
const result = await trainVerifier(streams, {
  ...DEFAULT_TRAIN_OPTIONS,
  steps: int('steps'),
  speakersPerBatch: int('speakers-per-batch'),
  checkpointEvery: int('checkpoint-every'),
  resume: values.resume,
  initFrom: values['init-from'],
  learningRate: Number(values['learning-rate']),
  synthShare: share('synth-share'),
  randomEq,
  windowFrames: [windowFrames[0], windowFrames[1]],
  checkpointDir: values.out,
  log,
});
log(`done: step ${result.step}, ${((Date.now() - t0) / 1000).toFixed(0)} s this run; checkpoint in ${values.out}`);
