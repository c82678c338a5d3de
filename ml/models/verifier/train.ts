// Resumable verifier training: additive-margin softmax (AM-softmax) over the training speakers on random 1.6 s windows,
// Adam with warm-up and cosine decay, checkpoints (weights, classifier head, optimizer state) every few hundred steps.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { MEL } from '../../audio/config';
import { tf } from '../../backend';
import { VoiceCloneError } from '../../errors';
import { seededRandom } from '../../random';
import { melStatistics, type SpeakerStream } from './dataset';
import { matMulPlain } from '../matmul';
import { initVerifierWeights, verifierForward, VERIFIER_CONFIG, WINDOW_FRAMES, type VerifierWeights } from './model';
import { loadVerifierFiles, MODEL_FILE, saveVerifier } from './weights';

export interface TrainOptions {
  /** Total optimizer steps of the schedule (resuming continues toward the same total). */
  steps: number;
  /** Distinct speakers per batch. */
  speakersPerBatch: number;
  /** Windows per speaker in a batch. */
  windowsPerSpeaker: number;
  /** Peak learning rate. */
  learningRate: number;
  /** AM-softmax margin (reached after the first 20 % of steps) and scale. */
  margin: number;
  scale: number;
  /** Probability of drawing a window from an augmented version rather than the clean one. */
  augmentedShare: number;
  /** Share of each batch's speakers drawn from synthetic (`synth:`) speakers when there are both kinds. */
  synthShare: number;
  /** Largest amplitude (natural-log units) of each of the three cosine terms of a random spectral tilt added to a window; 0 = none. */
  randomEq: number;
  /** Shortest and longest training window in frames; each batch draws one length between them (both WINDOW_FRAMES = fixed). */
  windowFrames: readonly [number, number];
  checkpointDir: string;
  checkpointEvery: number;
  /** Steps between progress lines (mean loss and accuracy since the last line). */
  logEvery: number;
  resume: boolean;
  /** Start a fresh run (new speaker set, new head) from the network weights saved in this folder. */
  initFrom?: string;
  seed: number;
  log: (line: string) => void;
}

export const DEFAULT_TRAIN_OPTIONS: Omit<TrainOptions, 'checkpointDir' | 'log'> = {
  steps: 3000,
  speakersPerBatch: 32,
  windowsPerSpeaker: 2,
  learningRate: 2e-3,
  margin: 0.2,
  scale: 30,
  augmentedShare: 0.5,
  synthShare: 0.4,
  randomEq: 0,
  windowFrames: [WINDOW_FRAMES, WINDOW_FRAMES],
  checkpointEvery: 100,
  logEvery: 20,
  resume: false,
  seed: 1,
};

const HEAD = 'amsoftmaxW';
const OPTIMIZER_PREFIX = 'adam/';

/** Learning rate at a step: linear warm-up over 100 steps, then cosine decay to 2.5 % of the peak. */
export function learningRateAt(step: number, opts: Pick<TrainOptions, 'steps' | 'learningRate'>): number {
  const warm = 100;
  if (step < warm) return (opts.learningRate * (step + 1)) / warm;
  const progress = Math.min(1, (step - warm) / Math.max(1, opts.steps - warm));
  return opts.learningRate * (0.025 + 0.975 * 0.5 * (1 + Math.cos(Math.PI * progress)));
}

/** Adds one smooth random curve over the mel bands to every frame of a window: a channel (microphone, room) colouring. */
function addRandomEq(window: Float32Array, n: number, amplitude: number, rand: () => number): void {
  const a = [1, 2, 3].map(() => amplitude * (2 * rand() - 1));
  const curve = Array.from({ length: n }, (_, m) => a.reduce((sum, aj, j) => sum + aj * Math.cos((Math.PI * (j + 1) * m) / (n - 1)), 0));
  for (let i = 0; i < window.length; i++) window[i] += curve[i % n];
}

/** Fills one batch [speakers × windows, frames, nMels] with random windows of one random length and returns them with the speaker labels. */
function sampleBatch(streams: readonly SpeakerStream[], opts: TrainOptions, rand: () => number): { x: Float32Array; frames: number; labels: Int32Array } {
  const n = MEL.nMels;
  const b = opts.speakersPerBatch * opts.windowsPerSpeaker;
  const [shortest, longest] = opts.windowFrames;
  const len = shortest + Math.floor(rand() * (longest - shortest + 1));
  const x = new Float32Array(b * len * n);
  const labels = new Int32Array(b);
  const synth = streams.flatMap((st, i) => (st.key.startsWith('synth:') ? [i] : []));
  const real = streams.flatMap((st, i) => (st.key.startsWith('synth:') ? [] : [i]));
  const pool = () => (synth.length === 0 || real.length === 0 ? (synth.length ? synth : real) : rand() < opts.synthShare ? synth : real);
  const chosen = new Set<number>();
  while (chosen.size < opts.speakersPerBatch) {
    const from = pool();
    chosen.add(from[Math.floor(rand() * from.length)]);
  }
  let row = 0;
  for (const s of chosen) {
    const stream = streams[s];
    for (let w = 0; w < opts.windowsPerSpeaker; w++) {
      const augmented = stream.versions.length > 1 && rand() < opts.augmentedShare;
      const v = augmented ? 1 + Math.floor(rand() * (stream.versions.length - 1)) : 0;
      const frames = stream.frames[v];
      const data = stream.versions[v];
      const start = frames > len ? Math.floor(rand() * (frames - len + 1)) : 0;
      for (let t = 0; t < len; t++) {
        const src = ((start + t) % frames) * n; // streams shorter than a window repeat
        x.set(data.subarray(src, src + n), (row * len + t) * n);
      }
      if (opts.randomEq > 0) addRandomEq(x.subarray(row * len * n, (row + 1) * len * n), n, opts.randomEq, rand);
      labels[row++] = s;
    }
  }
  return { x, frames: len, labels };
}

/** tfjs keeps Adam's rate in a protected field and reads it on every step; schedules set it there. */
function setLearningRate(optimizer: tf.AdamOptimizer, lr: number): void {
  (optimizer as unknown as { learningRate: number }).learningRate = lr;
}

interface TrainState {
  weights: VerifierWeights;
  head: tf.Variable;
  optimizer: tf.AdamOptimizer;
  step: number;
}

async function freshState(streams: readonly SpeakerStream[], opts: TrainOptions): Promise<TrainState> {
  let weights: VerifierWeights;
  if (opts.initFrom) {
    const loaded = await loadVerifierFiles(opts.initFrom);
    Object.values(loaded.extra).forEach((t) => t.dispose());
    weights = loaded.weights;
  } else {
    weights = initVerifierWeights(VERIFIER_CONFIG, opts.seed);
    const { mean, std } = melStatistics(streams);
    weights.melMean.assign(tf.tensor1d(mean));
    weights.melStd.assign(tf.tensor1d(std));
  }
  const head = tf.variable(tf.randomNormal([VERIFIER_CONFIG.embeddingDim, streams.length], 0, 0.05, 'float32', opts.seed + 1000));
  return { weights, head, optimizer: tf.train.adam(opts.learningRate), step: 0 };
}

async function resumedState(streams: readonly SpeakerStream[], opts: TrainOptions): Promise<TrainState> {
  const loaded = await loadVerifierFiles(opts.checkpointDir);
  const head = loaded.extra[HEAD];
  if (!head || head.shape[1] !== streams.length) {
    throw new VoiceCloneError('BAD_ARGUMENT', `Checkpoint in ${opts.checkpointDir} was trained on a different speaker set; start without --resume.`);
  }
  const speakers = loaded.training.speakers as string[] | undefined;
  if (!speakers || speakers.join('\n') !== streams.map((s) => s.key).join('\n')) {
    throw new VoiceCloneError('BAD_ARGUMENT', `Checkpoint in ${opts.checkpointDir} lists other training speakers; start without --resume.`);
  }
  const optimizer = tf.train.adam(opts.learningRate);
  const slots = Object.keys(loaded.extra)
    .filter((k) => k.startsWith(OPTIMIZER_PREFIX))
    .sort((a, b) => Number(a.split('/')[1]) - Number(b.split('/')[1]))
    .map((k) => ({ name: k.split('/').slice(2).join('/'), tensor: loaded.extra[k] as tf.Tensor }));
  await optimizer.setWeights(slots);
  return { weights: loaded.weights, head, optimizer, step: Number(loaded.training.step) };
}

async function checkpoint(state: TrainState, streams: readonly SpeakerStream[], opts: TrainOptions, extra: Record<string, unknown>): Promise<void> {
  const slots = await state.optimizer.getWeights();
  const tensors: Record<string, tf.Tensor> = { ...state.weights, [HEAD]: state.head };
  slots.forEach((s, i) => (tensors[`${OPTIMIZER_PREFIX}${i}/${s.name}`] = s.tensor));
  await saveVerifier(opts.checkpointDir, tensors, {
    config: VERIFIER_CONFIG,
    calibration: null,
    durationWeights: null,
    training: { ...extra, step: state.step, speakers: streams.map((s) => s.key) },
  });
}

/** Trains (or resumes) toward opts.steps and returns the final weights; checkpoints land in opts.checkpointDir. */
export async function trainVerifier(streams: readonly SpeakerStream[], opts: TrainOptions): Promise<{ weights: VerifierWeights; step: number }> {
  if (streams.length < opts.speakersPerBatch) {
    throw new VoiceCloneError('DATA_MISSING', `Training needs at least ${opts.speakersPerBatch} speakers, found ${streams.length}.`);
  }
  const canResume = opts.resume && existsSync(path.join(opts.checkpointDir, MODEL_FILE));
  const state = canResume ? await resumedState(streams, opts) : await freshState(streams, opts);
  opts.log(canResume ? `resumed at step ${state.step}` : `fresh start: ${streams.length} speakers${opts.initFrom ? `, network from ${opts.initFrom}` : ''}`);
  const rand = seededRandom(opts.seed * 7919 + state.step);
  const vars = [...Object.values(state.weights).filter((v) => v.trainable), state.head];
  const b = opts.speakersPerBatch * opts.windowsPerSpeaker;
  let lossSum = 0;
  let accSum = 0;
  let count = 0;
  let t0 = Date.now();
  while (state.step < opts.steps) {
    const { x, frames, labels } = sampleBatch(streams, opts, rand);
    const lr = learningRateAt(state.step, opts);
    setLearningRate(state.optimizer, lr);
    const margin = opts.margin * Math.min(1, state.step / (0.2 * opts.steps));
    const [loss, acc] = tf.tidy(() => {
      const input = tf.tensor3d(x, [b, frames, MEL.nMels]);
      const onehot = tf.oneHot(tf.tensor1d(labels, 'int32'), streams.length);
      let cosines: tf.Tensor2D | undefined;
      const l = state.optimizer.minimize(
        () => {
          const e = verifierForward(state.weights, input);
          const w = tf.div(state.head, tf.norm(state.head, 2, 0, true));
          cosines = tf.keep(matMulPlain(e, w));
          const logits = tf.mul(tf.sub(cosines, tf.mul(onehot, margin)), opts.scale);
          return tf.losses.softmaxCrossEntropy(onehot, logits) as tf.Scalar;
        },
        true,
        vars,
      ) as tf.Scalar;
      const a = tf.mean(tf.cast(tf.equal(tf.argMax(cosines!, 1), tf.tensor1d(labels, 'int32')), 'float32'));
      cosines!.dispose();
      return [l, a];
    });
    lossSum += (await loss.data())[0];
    accSum += (await acc.data())[0];
    count++;
    loss.dispose();
    acc.dispose();
    state.step++;
    if (state.step % opts.logEvery === 0 || state.step === opts.steps) {
      const sec = (Date.now() - t0) / 1000 / count;
      opts.log(`step ${state.step}/${opts.steps} loss ${(lossSum / count).toFixed(3)} acc ${(accSum / count).toFixed(3)} lr ${lr.toExponential(2)} margin ${margin.toFixed(3)} ${sec.toFixed(2)} s/step`);
      lossSum = accSum = count = 0;
      t0 = Date.now();
    }
    if (state.step % opts.checkpointEvery === 0 || state.step === opts.steps) {
      await checkpoint(state, streams, opts, { backend: tf.getBackend() });
    }
  }
  return { weights: state.weights, step: state.step };
}
