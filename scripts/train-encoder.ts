// Trains the speaker encoder to predict a TTS model's speaker vectors from the same speakers' clips.
// Usage: npm run train:encoder -- [--tts cache/tts/checkpoint] [--data cache/tts/data] [--steps 3000] [--resume] [--out cache/encoder/checkpoint]
import { parseArgs } from 'node:util';
import { initBackend } from '../ml/backend';
import { loadTtsDataset } from '../ml/models/tts/dataset';
import { loadTts } from '../ml/models/tts/weights';
import { DEFAULT_ENCODER_TRAIN_OPTIONS, encoderSpeakers, speakerMetric, trainEncoder } from '../ml/models/encoder/train';

const { values } = parseArgs({
  options: {
    tts: { type: 'string', default: 'cache/tts/checkpoint' },
    data: { type: 'string', default: 'cache/tts/data' },
    steps: { type: 'string', default: String(DEFAULT_ENCODER_TRAIN_OPTIONS.steps) },
    resume: { type: 'boolean', default: false },
    out: { type: 'string', default: 'cache/encoder/checkpoint' },
  },
});
const steps = Number(values.steps);
if (!Number.isInteger(steps) || steps <= 0) {
  console.error(`--steps must be a positive whole number, not ${values.steps}`);
  process.exit(2);
}
const log = (line: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${line}`);
const backend = await initBackend();
log(`backend ${backend.name}: ${backend.reason}`);
const tts = await loadTts(values.tts);
const data = loadTtsDataset(values.data);
if (tts.speakers.map((s) => s.key).join('\n') !== data.speakers.map((s) => s.key).join('\n')) {
  console.error('The TTS model and the dataset list different speakers.');
  process.exit(2);
}
const table = tts.weights.speakerTable.dataSync() as Float32Array;
log(`targets: speaker table of TTS ${tts.modelVersion} at step ${String(tts.training.step)}`);
await trainEncoder(
  encoderSpeakers(data, table, tts.config.speakerDim),
  tts.modelVersion,
  { ...DEFAULT_ENCODER_TRAIN_OPTIONS, steps, resume: values.resume, checkpointDir: values.out, log },
  speakerMetric(tts.weights),
);
