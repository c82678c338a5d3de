// Resumable TTS training: length-sorted batches of aligned utterances, L1 mel loss + prior MSE + log-duration MSE,
// Adam with warm-up and cosine decay, global-norm gradient clipping, validation loss and checkpoints as it goes.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { tf } from '../../backend';
import { VoiceCloneError } from '../../errors';
import { seededRandom } from '../../random';
import { MODEL_FILE } from '../tensor-file';
import type { TtsDataset, TtsUtterance } from './dataset';
import { decodeMel, encodeText, expansion, initTtsWeights, speakerRows, ttsConfig, type TtsConfig, type TtsWeights } from './model';
import { loadTts, saveTts, type TtsMetadata } from './weights';

export interface TtsTrainOptions {
  steps: number;
  batchSize: number;
  learningRate: number;
  /** Global gradient norm limit. */
  clipNorm: number;
  checkpointDir: string;
  checkpointEvery: number;
  logEvery: number;
  resume: boolean;
  /** Keep the speaker table fixed (after the speaker encoder was trained to regress it). */
  freezeSpeakers: boolean;
  /** Without a checkpoint to resume, start from this model's weights (same speakers) with a fresh optimizer: fine-tuning. */
  initFrom?: string;
  seed: number;
  log: (line: string) => void;
}

export const DEFAULT_TTS_TRAIN_OPTIONS: Omit<TtsTrainOptions, 'checkpointDir' | 'log'> = {
  steps: 20000,
  batchSize: 16,
  learningRate: 1e-3,
  clipNorm: 1,
  checkpointEvery: 200,
  logEvery: 20,
  resume: false,
  freezeSpeakers: false,
  seed: 1,
};

const OPTIMIZER_PREFIX = 'adam/';
/** Every VALIDATION_STRIDE-th utterance is kept out of training to measure validation loss. */
export const VALIDATION_STRIDE = 50;

/** Learning rate: linear warm-up over 300 steps, then cosine decay to 5 % of the peak. */
export function ttsLearningRateAt(step: number, opts: Pick<TtsTrainOptions, 'steps' | 'learningRate'>): number {
  const warm = 300;
  if (step < warm) return (opts.learningRate * (step + 1)) / warm;
  const progress = Math.min(1, (step - warm) / Math.max(1, opts.steps - warm));
  return opts.learningRate * (0.05 + 0.95 * 0.5 * (1 + Math.cos(Math.PI * progress)));
}

/** Training and validation utterances (validation: every VALIDATION_STRIDE-th, by position in the dataset). */
export function splitTtsDataset(data: TtsDataset): { train: TtsUtterance[]; validation: TtsUtterance[] } {
  const train: TtsUtterance[] = [];
  const validation: TtsUtterance[] = [];
  data.utterances.forEach((u, i) => {
    if (!u.durations) throw new VoiceCloneError('DATA_MISSING', `Utterance ${u.id} has no aligned durations.`);
    (i % VALIDATION_STRIDE === VALIDATION_STRIDE - 1 ? validation : train).push(u);
  });
  return { train, validation };
}

/** Per-mel-bin mean and standard deviation over every frame of the utterances. */
export function melStatistics(utts: ReadonlyArray<{ frames: number; mel: Float32Array }>, nMels: number): { mean: Float32Array; std: Float32Array } {
  const sum = new Float64Array(nMels);
  const sq = new Float64Array(nMels);
  let n = 0;
  for (const u of utts) {
    for (let t = 0; t < u.frames; t++) {
      for (let d = 0; d < nMels; d++) {
        const x = u.mel[t * nMels + d];
        sum[d] += x;
        sq[d] += x * x;
      }
      n++;
    }
  }
  const mean = Float32Array.from(sum, (s) => s / n);
  const std = Float32Array.from(sq, (s, d) => Math.sqrt(Math.max(1e-4, s / n - mean[d] * mean[d])));
  return { mean, std };
}

/** One padded batch as plain arrays. */
interface Batch {
  size: number;
  tokens: number;
  ids: Int32Array;
  modifiers: Int32Array;
  tokenMask: Float32Array;
  logTargets: Float32Array;
  speakers: Int32Array;
  durations: Int32Array[];
  /** Raw log-mel [size, frames, nMels], zero on padding. */
  mel: Float32Array;
  frames: number;
}

export function makeBatch(utts: readonly TtsUtterance[], nMels: number): Batch {
  const size = utts.length;
  const tokens = Math.max(...utts.map((u) => u.ids.length));
  const frames = Math.max(...utts.map((u) => u.frames));
  const ids = new Int32Array(size * tokens);
  const modifiers = new Int32Array(size * tokens);
  const tokenMask = new Float32Array(size * tokens);
  const logTargets = new Float32Array(size * tokens);
  const mel = new Float32Array(size * frames * nMels);
  const durations: Int32Array[] = [];
  utts.forEach((u, b) => {
    ids.set(u.ids, b * tokens);
    modifiers.set(u.modifiers, b * tokens);
    for (let i = 0; i < u.ids.length; i++) {
      tokenMask[b * tokens + i] = 1;
      logTargets[b * tokens + i] = Math.log(u.durations![i]);
    }
    const padded = new Int32Array(tokens);
    padded.set(u.durations!);
    durations.push(padded);
    mel.set(u.mel, b * frames * nMels);
  });
  return { size, tokens, ids, modifiers, tokenMask, logTargets, speakers: Int32Array.from(utts, (u) => u.speaker), durations, mel, frames };
}

export interface TtsLosses {
  total: tf.Scalar;
  mel: tf.Scalar;
  prior: tf.Scalar;
  duration: tf.Scalar;
}

/** The training objective on one batch (call inside tf.tidy / a gradient). */
export function ttsLosses(weights: TtsWeights, cfg: TtsConfig, batch: Batch, speaker?: tf.Tensor2D): TtsLosses {
  const { size, tokens, frames } = batch;
  const spk = speaker ?? speakerRows(weights, cfg, batch.speakers);
  const tokenMask = tf.tensor2d(batch.tokenMask, [size, tokens]);
  const enc = encodeText(weights, cfg, tf.tensor2d(batch.ids, [size, tokens], 'int32'), tf.tensor2d(batch.modifiers, [size, tokens], 'int32'), tokenMask, spk);
  const ex = expansion(batch.durations, tokens, cfg.framesPerStep, frames);
  const out = decodeMel(weights, cfg, enc, ex, spk);
  const T = ex.frames;
  const mask = tf.tensor3d(ex.frameMask, [size, T, 1]);
  const raw = tf.pad(tf.tensor3d(batch.mel, [size, frames, cfg.nMels]), [[0, 0], [0, T - frames], [0, 0]]);
  const target = tf.mul(tf.div(tf.sub(raw, weights.melMean), weights.melStd), mask);
  const count = tf.mul(tf.sum(mask), cfg.nMels);
  const mel = tf.div(tf.sum(tf.abs(tf.sub(out.mel, target))), count) as tf.Scalar;
  const prior = tf.div(tf.sum(tf.mul(tf.square(tf.sub(out.prior, target)), mask)), count) as tf.Scalar;
  const duration = tf.div(
    tf.sum(tf.mul(tf.square(tf.sub(enc.logDurations, tf.tensor2d(batch.logTargets, [size, tokens]))), tokenMask)),
    tf.sum(tokenMask),
  ) as tf.Scalar;
  const total = tf.addN([mel, tf.mul(prior, 0.5), duration]) as tf.Scalar;
  return { total, mel, prior, duration };
}

/** Batches of similar length: utterances sorted by frames, cut into groups of `size`. */
export function lengthBatches(utts: readonly TtsUtterance[], size: number): TtsUtterance[][] {
  const sorted = [...utts].sort((a, b) => a.frames - b.frames);
  const out: TtsUtterance[][] = [];
  for (let i = 0; i < sorted.length; i += size) out.push(sorted.slice(i, i + size));
  return out;
}

interface TrainState {
  weights: TtsWeights;
  optimizer: tf.AdamOptimizer;
  step: number;
}

function setLearningRate(optimizer: tf.AdamOptimizer, lr: number): void {
  (optimizer as unknown as { learningRate: number }).learningRate = lr;
}

async function checkpoint(state: TrainState, meta: Omit<TtsMetadata, 'training'>, training: Record<string, unknown>, dir: string): Promise<void> {
  const slots = await state.optimizer.getWeights();
  const tensors: Record<string, tf.Tensor> = { ...state.weights };
  slots.forEach((s, i) => (tensors[`${OPTIMIZER_PREFIX}${i}/${s.name}`] = s.tensor));
  await saveTts(dir, tensors, { ...meta, training: { ...training, step: state.step } });
}

type OptimizerSlot = { name: string; tensor: tf.Tensor };

/**
 * Adam keeps its moments by position (iterations, then first moments, then second moments, one per trained
 * variable in order). Freezing the speaker table drops its two moments so the others stay aligned.
 */
function optimizerSlotsFor(slots: OptimizerSlot[], weights: Array<[string, tf.Variable]>, freeze: boolean, dir: string): OptimizerSlot[] {
  const trained = weights.filter(([, v]) => v.trainable).map(([k]) => k);
  const moments = (slots.length - 1) / 2;
  const table = trained.indexOf('speakerTable');
  if (moments === trained.length - 1 && freeze) return slots;
  if (moments !== trained.length) {
    throw new VoiceCloneError('BAD_ARGUMENT', `Optimizer state in ${dir} does not match the model's variables${freeze ? '' : ' (it was saved with a frozen speaker table: resume with --freeze-speakers)'}.`);
  }
  if (!freeze) return slots;
  return slots.filter((_, i) => i !== 1 + table && i !== 1 + moments + table);
}

/** Mean losses over the validation utterances, in batches. */
export function validationLosses(weights: TtsWeights, cfg: TtsConfig, utts: readonly TtsUtterance[], batchSize: number): Record<string, number> {
  const sums = { total: 0, mel: 0, prior: 0, duration: 0 };
  let n = 0;
  for (const group of lengthBatches(utts, batchSize)) {
    const values = tf.tidy(() => {
      const l = ttsLosses(weights, cfg, makeBatch(group, cfg.nMels));
      return [l.total, l.mel, l.prior, l.duration].map((t) => t.dataSync()[0]);
    });
    sums.total += values[0] * group.length;
    sums.mel += values[1] * group.length;
    sums.prior += values[2] * group.length;
    sums.duration += values[3] * group.length;
    n += group.length;
  }
  return Object.fromEntries(Object.entries(sums).map(([k, v]) => [k, v / n]));
}

/** Trains (or resumes) toward opts.steps; checkpoints and validation figures land in opts.checkpointDir. */
export async function trainTts(data: TtsDataset, opts: TtsTrainOptions): Promise<{ weights: TtsWeights; step: number }> {
  const cfg = ttsConfig(data.speakers.length);
  const { train, validation } = splitTtsDataset(data);
  const canResume = opts.resume && existsSync(path.join(opts.checkpointDir, MODEL_FILE));
  let state: TrainState;
  const history: Array<Record<string, number>> = [];
  let modelVersion = `tts-${new Date().toISOString().slice(0, 10)}-s${opts.seed}`;
  let trainSeconds = 0;
  let initFrom: string | null = null;
  if (canResume) {
    const loaded = await loadTts(opts.checkpointDir);
    if (loaded.speakers.map((s) => s.key).join('\n') !== data.speakers.map((s) => s.key).join('\n')) {
      throw new VoiceCloneError('BAD_ARGUMENT', `Checkpoint in ${opts.checkpointDir} was trained on other speakers; start without --resume.`);
    }
    const optimizer = tf.train.adam(opts.learningRate);
    const slots = Object.keys(loaded.extra)
      .filter((k) => k.startsWith(OPTIMIZER_PREFIX))
      .sort((a, b) => Number(a.split('/')[1]) - Number(b.split('/')[1]))
      .map((k) => ({ name: k.split('/').slice(2).join('/'), tensor: loaded.extra[k] as tf.Tensor }));
    await optimizer.setWeights(optimizerSlotsFor(slots, Object.entries(loaded.weights), opts.freezeSpeakers, opts.checkpointDir));
    state = { weights: loaded.weights, optimizer, step: Number(loaded.training.step) };
    history.push(...((loaded.training.validation as Array<Record<string, number>> | undefined) ?? []));
    modelVersion = loaded.modelVersion;
    trainSeconds = Number(loaded.training.trainSeconds ?? 0);
    initFrom = loaded.training.initFrom ? String(loaded.training.initFrom) : null;
    opts.log(`resumed at step ${state.step}`);
  } else if (opts.initFrom) {
    const start = await loadTts(opts.initFrom);
    if (start.speakers.map((s) => s.key).join('\n') !== data.speakers.map((s) => s.key).join('\n')) {
      throw new VoiceCloneError('BAD_ARGUMENT', `The model in ${opts.initFrom} has other speakers than the dataset; prepare both with the same script.`);
    }
    state = { weights: start.weights, optimizer: tf.train.adam(opts.learningRate), step: 0 };
    modelVersion = `${modelVersion}-ft`;
    initFrom = start.training.initFrom ? String(start.training.initFrom) : start.modelVersion;
    opts.log(`fine-tuning from ${opts.initFrom} (${initFrom}): ${train.length} training and ${validation.length} validation clips, ${data.speakers.length} speakers`);
  } else {
    const weights = initTtsWeights(cfg, opts.seed);
    const { mean, std } = melStatistics(train, cfg.nMels);
    weights.melMean.assign(tf.tensor1d(mean));
    weights.melStd.assign(tf.tensor1d(std));
    state = { weights, optimizer: tf.train.adam(opts.learningRate), step: 0 };
    opts.log(`fresh start: ${train.length} training and ${validation.length} validation clips, ${data.speakers.length} speakers`);
  }
  const meta = { modelVersion, inventory: data.inventory, config: cfg, speakers: data.speakers, builtinVoices: [] };
  const vars = Object.entries(state.weights)
    .filter(([k, v]) => v.trainable && !(opts.freezeSpeakers && k === 'speakerTable'))
    .map(([, v]) => v);
  if (opts.freezeSpeakers) opts.log('speaker table frozen');
  const batches = lengthBatches(train, opts.batchSize);
  const rand = seededRandom(opts.seed * 104729 + state.step);
  let order: number[] = [];
  const sums = { total: 0, mel: 0, prior: 0, duration: 0 };
  let count = 0;
  let t0 = Date.now();
  while (state.step < opts.steps) {
    if (order.length === 0) order = batches.map((_, i) => i).sort(() => rand() - 0.5);
    const batch = makeBatch(batches[order.pop()!], cfg.nMels);
    const lr = ttsLearningRateAt(state.step, opts);
    setLearningRate(state.optimizer, lr);
    const values = tf.tidy(() => {
      let parts: TtsLosses | undefined;
      const { grads } = tf.variableGrads(() => {
        parts = ttsLosses(state.weights, cfg, batch);
        [parts.mel, parts.prior, parts.duration].forEach((t) => tf.keep(t));
        return parts.total;
      }, vars);
      const norm = tf.sqrt(tf.addN(Object.values(grads).map((g) => tf.sum(tf.square(g)))));
      const factor = tf.minimum(1, tf.div(opts.clipNorm, tf.add(norm, 1e-6)));
      const clipped = Object.fromEntries(Object.entries(grads).map(([k, g]) => [k, tf.mul(g, factor)]));
      state.optimizer.applyGradients(clipped);
      const out = [parts!.total, parts!.mel, parts!.prior, parts!.duration].map((t) => t.dataSync()[0]);
      [parts!.mel, parts!.prior, parts!.duration].forEach((t) => t.dispose());
      return out;
    });
    sums.total += values[0];
    sums.mel += values[1];
    sums.prior += values[2];
    sums.duration += values[3];
    count++;
    state.step++;
    if (state.step % opts.logEvery === 0 || state.step === opts.steps) {
      const sec = (Date.now() - t0) / 1000;
      trainSeconds += sec;
      opts.log(
        `step ${state.step}/${opts.steps} loss ${(sums.total / count).toFixed(4)} mel ${(sums.mel / count).toFixed(4)} prior ${(sums.prior / count).toFixed(4)} dur ${(sums.duration / count).toFixed(4)} lr ${lr.toExponential(2)} ${(sec / count).toFixed(2)} s/step, ${tf.memory().numTensors} tensors`,
      );
      sums.total = sums.mel = sums.prior = sums.duration = 0;
      count = 0;
      t0 = Date.now();
    }
    if (state.step % opts.checkpointEvery === 0 || state.step === opts.steps) {
      const v = validationLosses(state.weights, cfg, validation, opts.batchSize);
      history.push({ step: state.step, ...v });
      opts.log(`validation at ${state.step}: loss ${v.total.toFixed(4)} mel ${v.mel.toFixed(4)} prior ${v.prior.toFixed(4)} dur ${v.duration.toFixed(4)}`);
      await checkpoint(state, meta, { backend: tf.getBackend(), batchSize: opts.batchSize, validation: history, trainSeconds, ...(initFrom ? { initFrom } : {}) }, opts.checkpointDir);
      t0 = Date.now();
    }
  }
  return { weights: state.weights, step: state.step };
}
