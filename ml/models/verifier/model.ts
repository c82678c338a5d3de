// The speaker-verifier network, defined once for training, evaluation and inference: log-mel frames → 256-d unit vector.
// Frame-wise dense → 2× time pooling → dilated residual 1-D convs (im2col + matMul, wasm-friendly) → mean+std pooling → dense → L2.

import { tf } from '../../backend';
import { MEL } from '../../audio/config';
import { VoiceCloneError } from '../../errors';
import { matMulPlain } from '../matmul';

export interface VerifierConfig {
  nMels: number;
  /** Hidden channels of the frame-level layers. */
  channels: number;
  /** Kernel width of each residual convolution (odd). */
  kernel: number;
  /** Dilation of each residual block, in pooled frames. */
  dilations: number[];
  embeddingDim: number;
}

export const VERIFIER_CONFIG: VerifierConfig = {
  nMels: MEL.nMels,
  channels: 128,
  kernel: 5,
  dilations: [1, 2, 3],
  embeddingDim: 256,
};

/** Frames in one scoring window: 1.6 s at 80 frames per second. */
export const WINDOW_FRAMES = 128;
/** Hop between scoring windows (50 % overlap). */
export const WINDOW_HOP_FRAMES = 64;

/** Every tensor of the network by name; `melMean`/`melStd` normalize the input and are not trained. */
export type VerifierWeights = Record<string, tf.Variable>;

export const NORMALIZATION_WEIGHTS = ['melMean', 'melStd'] as const;

function shapes(cfg: VerifierConfig): Record<string, number[]> {
  const c = cfg.channels;
  const s: Record<string, number[]> = {
    melMean: [cfg.nMels],
    melStd: [cfg.nMels],
    inputW: [cfg.nMels, c],
    inputB: [c],
    outW: [2 * c, cfg.embeddingDim],
    outB: [cfg.embeddingDim],
  };
  cfg.dilations.forEach((_, i) => {
    s[`block${i}W`] = [cfg.kernel * c, c];
    s[`block${i}B`] = [c];
  });
  return s;
}

/** Names and shapes of every weight the configuration needs, in a fixed order. */
export function weightShapes(cfg: VerifierConfig = VERIFIER_CONFIG): [string, number[]][] {
  return Object.entries(shapes(cfg));
}

/** Fresh weights: He-normal matrices (residual branches scaled down), zero biases, identity normalization. */
export function initVerifierWeights(cfg: VerifierConfig = VERIFIER_CONFIG, seed = 1): VerifierWeights {
  if (cfg.kernel % 2 !== 1) throw new VoiceCloneError('BAD_ARGUMENT', `Verifier kernel width must be odd, not ${cfg.kernel}.`);
  const out: VerifierWeights = {};
  let k = seed;
  for (const [name, shape] of weightShapes(cfg)) {
    const trainable = !(NORMALIZATION_WEIGHTS as readonly string[]).includes(name);
    const init = tf.tidy(() => {
      if (shape.length === 1) return name === 'melStd' ? tf.ones(shape) : tf.zeros(shape);
      const fanIn = shape[0];
      const scale = Math.sqrt(2 / fanIn) * (name.startsWith('block') ? 0.5 : 1);
      return tf.randomNormal(shape, 0, scale, 'float32', k++);
    });
    out[name] = tf.variable(init, trainable);
    init.dispose();
  }
  return out;
}

function dense3d(x: tf.Tensor3D, w: tf.Tensor, b: tf.Tensor): tf.Tensor3D {
  const [batch, frames, inDim] = x.shape;
  return tf.add(matMulPlain(tf.reshape(x, [batch * frames, inDim]), w), b).reshape([batch, frames, w.shape[1] as number]);
}

/** 'same'-padded dilated 1-D convolution over time as im2col (shifted slices concatenated) + one matMul. */
function conv1d(x: tf.Tensor3D, w: tf.Tensor, b: tf.Tensor, kernel: number, dilation: number): tf.Tensor3D {
  const [batch, frames, channels] = x.shape;
  const pad = ((kernel - 1) / 2) * dilation;
  const padded = tf.pad(x, [[0, 0], [pad, pad], [0, 0]]);
  const taps: tf.Tensor3D[] = [];
  for (let i = 0; i < kernel; i++) taps.push(tf.slice(padded, [0, i * dilation, 0], [batch, frames, channels]));
  return dense3d(tf.concat(taps, 2), w, b);
}

/**
 * Embeds log-mel windows [batch, frames, nMels] (frames ≥ 2, any length) into unit vectors [batch, embeddingDim].
 * Call inside tf.tidy; the same function serves training (under a gradient tape) and inference.
 */
export function verifierForward(weights: VerifierWeights, mel: tf.Tensor3D, cfg: VerifierConfig = VERIFIER_CONFIG): tf.Tensor2D {
  const [batch, frames, nMels] = mel.shape;
  if (nMels !== cfg.nMels) throw new VoiceCloneError('BAD_ARGUMENT', `Verifier expects ${cfg.nMels} mel bands, got ${nMels}.`);
  if (frames < 2) throw new VoiceCloneError('TOO_SHORT', `Verifier needs at least 2 mel frames, got ${frames}.`);
  const x = tf.div(tf.sub(mel, weights.melMean), weights.melStd) as tf.Tensor3D;
  const h0 = tf.relu(dense3d(x, weights.inputW, weights.inputB));
  // Average adjacent frames: 25 ms resolution is plenty for speaker identity and halves the cost of every later layer.
  const even = frames - (frames % 2);
  const pooled = tf.slice(h0, [0, 0, 0], [batch, even, cfg.channels]).reshape([batch, even / 2, 2, cfg.channels]).mean(2) as tf.Tensor3D;
  let h = pooled;
  cfg.dilations.forEach((d, i) => {
    h = tf.add(h, tf.relu(conv1d(h, weights[`block${i}W`], weights[`block${i}B`], cfg.kernel, d))) as tf.Tensor3D;
  });
  const mean = tf.mean(h, 1);
  const std = tf.sqrt(tf.add(tf.mean(tf.square(tf.sub(h, tf.expandDims(mean, 1))), 1), 1e-5));
  const stats = tf.concat([mean, std], 1);
  const e = tf.add(matMulPlain(stats, weights.outW), weights.outB);
  return tf.div(e, tf.norm(e, 2, 1, true).add(1e-8)) as tf.Tensor2D;
}
