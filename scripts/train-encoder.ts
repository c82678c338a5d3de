// Trains the speaker encoder to predict a TTS model's speaker vectors from the same speakers' clips, optionally with
// speech the TTS model renders from known vectors. Usage: npm run train:encoder -- [--tts DIR] [--data DIR | --recordings] [--blends N] …
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { initBackend } from '../ml/backend';
import { readAsteriskPrompts } from '../ml/data/corpora/asterisk-prompts';
import { readSharedData } from '../ml/data/corpora/shared-data';
import { isHeldOutSentence, loadSentences } from '../ml/data/synth/sentences';
import { blendedVectors, recordedTableSpeakers, renderedSpeakers, sentenceTokens, tableRows } from '../ml/models/encoder/material';
import { DEFAULT_ENCODER_TRAIN_OPTIONS, encoderSpeakers, speakerMetric, trainEncoder, type EncoderSpeaker } from '../ml/models/encoder/train';
import { loadTtsDataset } from '../ml/models/tts/dataset';
import { loadTts } from '../ml/models/tts/weights';
import { seededRandom } from '../ml/random';

const { values } = parseArgs({
  options: {
    tts: { type: 'string', default: 'cache/tts/checkpoint' },
    data: { type: 'string', default: 'cache/tts/data' },
    recordings: { type: 'boolean', default: false },
    'recordings-per-speaker': { type: 'string', default: '40' },
    'render-table': { type: 'boolean', default: false },
    blends: { type: 'string', default: '0' },
    'blend-spread': { type: 'string', default: '0.3' },
    'sentences-per-voice': { type: 'string', default: '4' },
    'rendered-share': { type: 'string', default: String(DEFAULT_ENCODER_TRAIN_OPTIONS.renderedShare) },
    'init-from': { type: 'string' },
    'learning-rate': { type: 'string', default: String(DEFAULT_ENCODER_TRAIN_OPTIONS.learningRate) },
    steps: { type: 'string', default: String(DEFAULT_ENCODER_TRAIN_OPTIONS.steps) },
    resume: { type: 'boolean', default: false },
    out: { type: 'string', default: 'cache/encoder/checkpoint' },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}
function count(name: keyof typeof values, min: number): number {
  const v = Number(values[name]);
  if (!Number.isInteger(v) || v < min) fail(`--${name} must be a whole number of at least ${min}, not ${values[name]}`);
  return v;
}
function fraction(name: keyof typeof values, max: number): number {
  const v = Number(values[name]);
  if (!(v >= 0 && v <= max)) fail(`--${name} must be a number from 0 to ${max}, not ${values[name]}`);
  return v;
}
const steps = count('steps', 1);
const blends = count('blends', 0);
const perVoice = count('sentences-per-voice', 2);
const learningRate = fraction('learning-rate', 1);
const renderedShare = fraction('rendered-share', 1);
const spread = fraction('blend-spread', 3);

const log = (line: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${line}`);
const backend = await initBackend();
log(`backend ${backend.name}: ${backend.reason}`);
const tts = await loadTts(values.tts);
log(`targets: speaker table of TTS ${tts.modelVersion} at step ${String(tts.training.step)}`);

let speakers: { train: EncoderSpeaker[]; validation: EncoderSpeaker[] };
if (values.recordings) {
  // The table's real speakers from their recordings (no TTS training cache needed); every 20th validates.
  const utterances = [...readSharedData().utterances.filter((u) => u.split !== 'eval'), ...readAsteriskPrompts().utterances];
  const recorded = await recordedTableSpeakers(tts, utterances, count('recordings-per-speaker', 2), log);
  speakers = { train: recorded.filter((_, i) => i % 20 !== 0), validation: recorded.filter((_, i) => i % 20 === 0) };
} else {
  if (!existsSync(values.data)) fail(`No TTS training cache at ${values.data}; build it (scripts/prepare-tts-data.ts) or train from --recordings.`);
  const data = loadTtsDataset(values.data);
  if (tts.speakers.map((s) => s.key).join('\n') !== data.speakers.map((s) => s.key).join('\n')) fail('The TTS model and the dataset list different speakers.');
  speakers = encoderSpeakers(data, (tts.weights.speakerTable.dataSync() as Float32Array), tts.config.speakerDim);
}
log(`recorded: ${speakers.train.length} training and ${speakers.validation.length} validation speakers`);

// Rendered speakers: the table's rows (validation speakers' rows left out) and blends of its recorded speakers' rows.
const rand = seededRandom(11);
const validationKeys = new Set(speakers.validation.map((s) => s.key));
const rows = tableRows(tts);
const vectors = [
  ...(values['render-table'] ? tts.speakers.flatMap((s, i) => (validationKeys.has(s.key) ? [] : [{ key: `rendered:${s.key}`, vector: rows[i] }])) : []),
  ...blendedVectors(speakers.train.map((s) => s.target), blends, spread, rand).map((vector, i) => ({ key: `blend:${i}`, vector })),
];
let rendered: EncoderSpeaker[] = [];
if (vectors.length > 0) {
  const t0 = Date.now();
  const tokens = await sentenceTokens(loadSentences().filter((s) => !isHeldOutSentence(s)).slice(0, 400));
  rendered = renderedSpeakers(tts, vectors, tokens, perVoice, rand);
  log(`rendered: ${rendered.length} voices × ${perVoice} sentences in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

await trainEncoder(
  { ...speakers, rendered },
  tts.modelVersion,
  { ...DEFAULT_ENCODER_TRAIN_OPTIONS, steps, learningRate, renderedShare, initFrom: values['init-from'], resume: values.resume, checkpointDir: values.out, log },
  speakerMetric(tts.weights),
);
