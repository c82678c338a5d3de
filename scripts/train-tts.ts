// Trains the multi-speaker TTS model on the prepared, aligned dataset (scripts/prepare-tts-data.ts builds it).
// Usage: npm run train:tts -- [--steps 20000] [--batch 16] [--resume] [--freeze-speakers] [--init-from <model dir>] [--data cache/tts/data] [--out cache/tts/checkpoint]
// --init-from fine-tunes a model (scripts/prepare-tts-finetune.ts makes one with grown speaker table) when --out holds no checkpoint yet.
import { parseArgs } from 'node:util';
import { initBackend } from '../ml/backend';
import { loadTtsDataset } from '../ml/models/tts/dataset';
import { DEFAULT_TTS_TRAIN_OPTIONS, trainTts } from '../ml/models/tts/train';

const { values } = parseArgs({
  options: {
    steps: { type: 'string', default: String(DEFAULT_TTS_TRAIN_OPTIONS.steps) },
    batch: { type: 'string', default: String(DEFAULT_TTS_TRAIN_OPTIONS.batchSize) },
    'learning-rate': { type: 'string', default: String(DEFAULT_TTS_TRAIN_OPTIONS.learningRate) },
    'checkpoint-every': { type: 'string', default: String(DEFAULT_TTS_TRAIN_OPTIONS.checkpointEvery) },
    resume: { type: 'boolean', default: false },
    'freeze-speakers': { type: 'boolean', default: false },
    'init-from': { type: 'string' },
    data: { type: 'string', default: 'cache/tts/data' },
    out: { type: 'string', default: 'cache/tts/checkpoint' },
  },
});

function positive(name: 'steps' | 'batch' | 'checkpoint-every' | 'learning-rate', integer = true): number {
  const v = Number(values[name]);
  if (!(v > 0) || (integer && !Number.isInteger(v))) {
    console.error(`--${name} must be a positive ${integer ? 'whole ' : ''}number, not ${values[name]}`);
    process.exit(2);
  }
  return v;
}

const log = (line: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${line}`);
const backend = await initBackend();
log(`backend ${backend.name}: ${backend.reason}`);
const data = loadTtsDataset(values.data);
await trainTts(data, {
  ...DEFAULT_TTS_TRAIN_OPTIONS,
  steps: positive('steps'),
  batchSize: positive('batch'),
  learningRate: positive('learning-rate', false),
  checkpointEvery: positive('checkpoint-every'),
  resume: values.resume,
  freezeSpeakers: values['freeze-speakers'],
  initFrom: values['init-from'],
  checkpointDir: values.out,
  log,
});
