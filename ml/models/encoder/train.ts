// Resumable speaker-encoder training (Arik et al. 2018): regress the TTS model's learned speaker vectors from random
// subsets of 1…maxClips random crops of each training speaker's clips, with the L1 error measured where the TTS model
// reads the vector (its speaker-conditioning projections), not on raw dimensions it ignores. Some speakers validate.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { tf } from '../../backend';
import type { LogMel } from '../../audio/mel';
import { VoiceCloneError } from '../../errors';
import { seededRandom } from '../../random';
import { MODEL_FILE } from '../tensor-file';
import type { TtsDataset } from '../tts/dataset';
import { combineClips, embedClips, encoderConfig, initEncoderWeights, type EncoderConfig, type EncoderWeights } from './model';
import { loadEncoder, saveEncoder } from './weights';
import { melStatistics, splitTtsDataset } from '../tts/train';

export interface EncoderTrainOptions {
  steps: number;
  speakersPerBatch: number;
  /** Clips per speaker are drawn uniformly from 1…maxClips each step. */
  maxClips: number;
  cropFrames: number;
  learningRate: number;
  /** Share of each batch's speakers drawn from TTS-rendered speakers, when there are any. */
  renderedShare: number;
  /** Start from the encoder weights in this folder instead of a fresh initialization. */
  initFrom?: string;
  checkpointDir: string;
  checkpointEvery: number;
  logEvery: number;
  resume: boolean;
  seed: number;
  log: (line: string) => void;
}

export const DEFAULT_ENCODER_TRAIN_OPTIONS: Omit<EncoderTrainOptions, 'checkpointDir' | 'log'> = {
  steps: 3000,
  speakersPerBatch: 16,
  maxClips: 6,
  cropFrames: 160,
  learningRate: 1e-3,
  renderedShare: 0.5,
  checkpointEvery: 200,
  logEvery: 20,
  resume: false,
  seed: 1,
};

/** One speaker's training material: log-mel clips and the target vector. */
export interface EncoderSpeaker {
  key: string;
  clips: LogMel[];
  target: Float32Array;
}

/** Every VALIDATION_STRIDE-th speaker is kept for validation. */
const VALIDATION_STRIDE = 20;

/** Groups the TTS dataset's training clips by speaker and pairs them with the speaker table rows. */
export function encoderSpeakers(data: TtsDataset, table: Float32Array, dim: number): { train: EncoderSpeaker[]; validation: EncoderSpeaker[] } {
  const { train } = splitTtsDataset(data);
  const speakers: EncoderSpeaker[] = data.speakers.map((s, i) => ({ key: s.key, clips: [], target: table.slice(i * dim, (i + 1) * dim) }));
  for (const u of train) speakers[u.speaker].clips.push({ frames: u.frames, nMels: u.mel.length / u.frames, data: u.mel });
  const usable = speakers.filter((s) => s.clips.length >= 2);
  return { train: usable.filter((_, i) => i % VALIDATION_STRIDE !== 0), validation: usable.filter((_, i) => i % VALIDATION_STRIDE === 0) };
}

/** Fills [speakers × clips, crop, nMels] with random crops (short clips repeat) of distinct random clips per speaker. */
function cropBatch(group: readonly EncoderSpeaker[], clips: number, crop: number, nMels: number, rand: () => number): Float32Array {
  const x = new Float32Array(group.length * clips * crop * nMels);
  group.forEach((s, b) => {
    const picked = [...s.clips.keys()].sort(() => rand() - 0.5).slice(0, clips);
    while (picked.length < clips) picked.push(picked[Math.floor(rand() * picked.length)]);
    picked.forEach((ci, c) => {
      const clip = s.clips[ci];
      const start = clip.frames > crop ? Math.floor(rand() * (clip.frames - crop + 1)) : 0;
      for (let t = 0; t < crop; t++) {
        const src = ((start + t) % clip.frames) * nMels;
        x.set(clip.data.subarray(src, src + nMels), ((b * clips + c) * crop + t) * nMels);
      }
    });
  });
  return x;
}

/**
 * The speaker-space metric: every speaker-conditioning (FiLM) projection of the TTS model side by side, [dim, k],
 * scaled so a random vector's projected L1 matches its raw L1. An error along a direction the TTS model never reads
 * costs nothing; one along a direction it reads strongly costs much.
 */
export function speakerMetric(ttsWeights: Record<string, tf.Tensor>): tf.Tensor2D {
  return tf.tidy(() => {
    const m = tf.concat(Object.keys(ttsWeights).filter((k) => k.endsWith('FilmW')).sort().map((k) => ttsWeights[k]), 1) as tf.Tensor2D;
    const probe = tf.randomNormal([256, m.shape[0]], 0, 1, 'float32', 5);
    const scale = tf.div(tf.mean(tf.abs(probe)), tf.mean(tf.abs(tf.matMul(probe, m))));
    return tf.mul(m, scale) as tf.Tensor2D;
  });
}

function metricL1(pred: tf.Tensor2D, target: tf.Tensor2D, metric: tf.Tensor2D | null): tf.Scalar {
  const d = tf.sub(pred, target);
  return tf.mean(tf.abs(metric ? tf.matMul(d, metric) : d)) as tf.Scalar;
}

function predict(weights: EncoderWeights, cfg: EncoderConfig, x: Float32Array, speakers: number, clips: number, crop: number): tf.Tensor2D {
  const per = embedClips(weights, cfg, tf.tensor3d(x, [speakers * clips, crop, cfg.nMels]));
  return combineClips(weights, cfg, tf.reshape(per, [speakers, clips, cfg.hidden]) as tf.Tensor3D);
}

/** Mean L1 error per dimension on validation speakers for 1 and 5 clips (fixed seed, so comparable across steps). */
export function encoderValidation(weights: EncoderWeights, cfg: EncoderConfig, speakers: readonly EncoderSpeaker[], crop: number, metric: tf.Tensor2D | null): Record<string, number> {
  const out: Record<string, number> = {};
  const targets = Float32Array.from(speakers.flatMap((s) => Array.from(s.target)));
  for (const clips of [1, 5]) {
    const rand = seededRandom(77 + clips);
    const x = cropBatch(speakers, clips, crop, cfg.nMels, rand);
    tf.tidy(() => {
      const pred = predict(weights, cfg, x, speakers.length, clips, crop);
      const target = tf.tensor2d(targets, [speakers.length, cfg.speakerDim]);
      out[`l1_${clips}clips`] = metricL1(pred, target, null).dataSync()[0];
      if (metric) out[`metric_l1_${clips}clips`] = metricL1(pred, target, metric).dataSync()[0];
    });
  }
  // What predicting the training speakers' mean vector would score: the bar an encoder must beat.
  tf.tidy(() => {
    const target = tf.tensor2d(targets, [speakers.length, cfg.speakerDim]);
    const mean = tf.tile(tf.mean(target, 0, true), [speakers.length, 1]) as tf.Tensor2D;
    out.l1_mean_baseline = metricL1(mean, target, null).dataSync()[0];
    if (metric) out.metric_l1_mean_baseline = metricL1(mean, target, metric).dataSync()[0];
  });
  return out;
}

/** Trains (or resumes) the encoder toward opts.steps on the given speakers; checkpoints go to opts.checkpointDir. */
export async function trainEncoder(
  speakers: { train: EncoderSpeaker[]; validation: EncoderSpeaker[]; rendered?: EncoderSpeaker[] },
  ttsModelVersion: string,
  opts: EncoderTrainOptions,
  metric: tf.Tensor2D | null = null,
): Promise<{ weights: EncoderWeights; step: number }> {
  const dim = speakers.train[0]?.target.length;
  if (!dim || speakers.train.length < opts.speakersPerBatch) {
    throw new VoiceCloneError('DATA_MISSING', `Encoder training needs at least ${opts.speakersPerBatch} speakers with 2+ clips.`);
  }
  const cfg = encoderConfig(dim);
  let weights: EncoderWeights;
  let step = 0;
  let history: Array<Record<string, number>> = [];
  const optimizer = tf.train.adam(opts.learningRate);
  if (opts.resume && existsSync(path.join(opts.checkpointDir, MODEL_FILE))) {
    const loaded = await loadEncoder(opts.checkpointDir);
    if (loaded.ttsModelVersion !== ttsModelVersion) {
      throw new VoiceCloneError('BAD_ARGUMENT', `Encoder checkpoint targets TTS ${loaded.ttsModelVersion}, not ${ttsModelVersion}; start without --resume.`);
    }
    weights = loaded.weights;
    step = Number(loaded.training.step);
    history = (loaded.training.validation as Array<Record<string, number>>) ?? [];
    opts.log(`resumed at step ${step}`);
  } else if (opts.initFrom) {
    weights = (await loadEncoder(opts.initFrom)).weights;
    opts.log(`fresh run from the weights in ${opts.initFrom}: ${speakers.train.length} training, ${speakers.rendered?.length ?? 0} rendered and ${speakers.validation.length} validation speakers`);
  } else {
    weights = initEncoderWeights(cfg, opts.seed);
    const { mean, std } = melStatistics(speakers.train.flatMap((s) => s.clips.map((c) => ({ frames: c.frames, mel: c.data }))), cfg.nMels);
    weights.melMean.assign(tf.tensor1d(mean));
    weights.melStd.assign(tf.tensor1d(std));
    opts.log(`fresh start: ${speakers.train.length} training and ${speakers.validation.length} validation speakers`);
  }
  const vars = Object.values(weights).filter((v) => v.trainable);
  const rand = seededRandom(opts.seed * 7919 + step);
  let sum = 0;
  let count = 0;
  let t0 = Date.now();
  const rendered = speakers.rendered ?? [];
  const fromRendered = rendered.length === 0 ? 0 : Math.round(opts.renderedShare * opts.speakersPerBatch);
  while (step < opts.steps) {
    const clips = 1 + Math.floor(rand() * opts.maxClips);
    const eligible = speakers.train.filter((s) => s.clips.length >= Math.min(clips, 2));
    const group = [
      ...[...eligible].sort(() => rand() - 0.5).slice(0, opts.speakersPerBatch - fromRendered),
      ...[...rendered].sort(() => rand() - 0.5).slice(0, fromRendered),
    ];
    const x = cropBatch(group, clips, opts.cropFrames, cfg.nMels, rand);
    const targets = Float32Array.from(group.flatMap((s) => Array.from(s.target)));
    const progress = step / opts.steps;
    (optimizer as unknown as { learningRate: number }).learningRate = opts.learningRate * (0.05 + 0.95 * 0.5 * (1 + Math.cos(Math.PI * progress)));
    const loss = tf.tidy(() => {
      const target = tf.tensor2d(targets, [group.length, dim]);
      const l = optimizer.minimize(() => metricL1(predict(weights, cfg, x, group.length, clips, opts.cropFrames), target, metric), true, vars);
      return l!.dataSync()[0];
    });
    sum += loss;
    count++;
    step++;
    if (step % opts.logEvery === 0) {
      opts.log(`step ${step}/${opts.steps} L1 ${(sum / count).toFixed(4)} ${((Date.now() - t0) / 1000 / count).toFixed(2)} s/step`);
      sum = count = 0;
      t0 = Date.now();
    }
    if (step % opts.checkpointEvery === 0 || step === opts.steps) {
      const v = encoderValidation(weights, cfg, speakers.validation, opts.cropFrames, metric);
      history.push({ step, ...v });
      opts.log(`validation at ${step}: ${Object.entries(v).map(([k, x]) => `${k} ${x.toFixed(4)}`).join(' ')}`);
      await saveEncoder(opts.checkpointDir, weights, { config: cfg, ttsModelVersion, training: { step, backend: tf.getBackend(), validation: history } });
      t0 = Date.now();
    }
  }
  return { weights, step };
}
