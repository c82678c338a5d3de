// The speaker encoder of Arik et al. 2018, defined once for training and cloning: each clip's log-mel → spectral
// processing (dense) → temporal processing (gated-linear-unit convolutions, residual) → mean over time; then multi-head
// self-attention across the N clips weights them, and their weighted mean becomes a vector in the TTS speaker space.

import { tf } from '../../backend';
import { MEL } from '../../audio/config';
import { matMulPlain } from '../matmul';

export interface EncoderConfig {
  nMels: number;
  hidden: number;
  convLayers: number;
  kernel: number;
  heads: number;
  headDim: number;
  /** Output size: the TTS model's speaker vector length. */
  speakerDim: number;
}

export function encoderConfig(speakerDim: number): EncoderConfig {
  return { nMels: MEL.nMels, hidden: 128, convLayers: 3, kernel: 5, heads: 2, headDim: 32, speakerDim };
}

export type EncoderWeights = Record<string, tf.Variable>;
export const ENCODER_FIXED_WEIGHTS = ['melMean', 'melStd'] as const;

function shapes(cfg: EncoderConfig): Record<string, number[]> {
  const h = cfg.hidden;
  const a = cfg.heads * cfg.headDim;
  const s: Record<string, number[]> = {
    melMean: [cfg.nMels],
    melStd: [cfg.nMels],
    spectral0W: [cfg.nMels, h],
    spectral0B: [h],
    spectral1W: [h, h],
    spectral1B: [h],
    clipW: [h, h],
    clipB: [h],
    queryW: [h, a],
    keyW: [h, a],
    valueW: [h, a],
    scoreW: [a, 1],
    scoreB: [1],
    outW: [h, cfg.speakerDim],
    outB: [cfg.speakerDim],
  };
  for (let i = 0; i < cfg.convLayers; i++) {
    s[`conv${i}W`] = [cfg.kernel * h, 2 * h];
    s[`conv${i}B`] = [2 * h];
  }
  return s;
}

export function encoderWeightShapes(cfg: EncoderConfig): [string, number[]][] {
  return Object.entries(shapes(cfg));
}

export function initEncoderWeights(cfg: EncoderConfig, seed = 1): EncoderWeights {
  const out: EncoderWeights = {};
  let k = seed;
  for (const [name, shape] of encoderWeightShapes(cfg)) {
    const init = tf.tidy(() => {
      if (name === 'melStd') return tf.ones(shape);
      if (shape.length === 1) return tf.zeros(shape);
      return tf.randomNormal(shape, 0, Math.sqrt(1 / shape[0]), 'float32', k++);
    });
    out[name] = tf.variable(init, !(ENCODER_FIXED_WEIGHTS as readonly string[]).includes(name));
    init.dispose();
  }
  return out;
}

function dense(x: tf.Tensor, w: tf.Tensor, b?: tf.Tensor): tf.Tensor {
  const shape = x.shape;
  const y = matMulPlain(tf.reshape(x, [-1, shape[shape.length - 1]]), w);
  return tf.reshape(b ? tf.add(y, b) : y, [...shape.slice(0, -1), w.shape[1] as number]);
}

/**
 * Per-clip vectors [clips, hidden] from log-mel crops [clips, frames, nMels] (frames ≥ 2, equal within the call).
 * Call inside tf.tidy.
 */
export function embedClips(weights: EncoderWeights, cfg: EncoderConfig, mel: tf.Tensor3D): tf.Tensor2D {
  const [clips, frames] = mel.shape;
  const x = tf.div(tf.sub(mel, weights.melMean), weights.melStd);
  let h = tf.elu(dense(tf.elu(dense(x, weights.spectral0W, weights.spectral0B)), weights.spectral1W, weights.spectral1B)) as tf.Tensor3D;
  // Average frame pairs: 25 ms steps are enough for voice identity and halve every later layer.
  const even = frames - (frames % 2);
  h = tf.mean(tf.reshape(tf.slice(h, [0, 0, 0], [clips, even, cfg.hidden]), [clips, even / 2, 2, cfg.hidden]), 2) as tf.Tensor3D;
  const pad = (cfg.kernel - 1) / 2;
  for (let i = 0; i < cfg.convLayers; i++) {
    const steps = h.shape[1];
    const padded = tf.pad(h, [[0, 0], [pad, pad], [0, 0]]);
    const taps: tf.Tensor[] = [];
    for (let k = 0; k < cfg.kernel; k++) taps.push(tf.slice(padded, [0, k, 0], [clips, steps, cfg.hidden]));
    const y = dense(tf.concat(taps, 2), weights[`conv${i}W`], weights[`conv${i}B`]);
    const glu = tf.mul(tf.slice(y, [0, 0, 0], [-1, -1, cfg.hidden]), tf.sigmoid(tf.slice(y, [0, 0, cfg.hidden], [-1, -1, cfg.hidden])));
    h = tf.mul(tf.add(h, glu), Math.SQRT1_2) as tf.Tensor3D;
  }
  return tf.elu(dense(tf.mean(h, 1), weights.clipW, weights.clipB)) as tf.Tensor2D;
}

/**
 * Speaker vectors [speakers, speakerDim] from per-clip vectors [speakers, clips, hidden]: self-attention across each
 * speaker's clips scores every clip, a softmax over the clips turns scores into weights, and the weighted mean is
 * projected into the speaker space.
 */
export function combineClips(weights: EncoderWeights, cfg: EncoderConfig, clipVectors: tf.Tensor3D): tf.Tensor2D {
  const [speakers, clips] = clipVectors.shape;
  const heads: tf.Tensor[] = [];
  const q = dense(clipVectors, weights.queryW);
  const k = dense(clipVectors, weights.keyW);
  const v = dense(clipVectors, weights.valueW);
  for (let hd = 0; hd < cfg.heads; hd++) {
    const sl = (t: tf.Tensor) => tf.slice(t, [0, 0, hd * cfg.headDim], [speakers, clips, cfg.headDim]) as tf.Tensor3D;
    const att = tf.softmax(tf.div(tf.matMul(sl(q), sl(k), false, true), Math.sqrt(cfg.headDim)));
    heads.push(tf.matMul(att, sl(v)));
  }
  const attended = tf.concat(heads, 2);
  const scores = tf.reshape(dense(tf.tanh(attended), weights.scoreW, weights.scoreB), [speakers, clips]);
  const alpha = tf.expandDims(tf.softmax(scores), 2);
  const pooled = tf.sum(tf.mul(clipVectors, alpha), 1);
  return dense(pooled, weights.outW, weights.outB) as tf.Tensor2D;
}
