// The multi-speaker TTS network, defined once for training, adaptation and synthesis: folded phoneme tokens and a
// speaker vector → log-mel. Conv text encoder → duration predictor → length regulator → dilated conv decoder; every
// layer is conditioned on the speaker (FiLM scale and shift, as Deep Voice 3 injects speaker biases everywhere).

import { tf } from '../../backend';
import { MEL } from '../../audio/config';
import { VoiceCloneError } from '../../errors';
import { PHONEME_INVENTORY } from '../../text/phonemes';
import { matMulPlain } from '../matmul';
import { MODIFIER_COUNT } from './tokens';

export interface TtsConfig {
  vocab: number;
  modifiers: number;
  /** Rows of the learned speaker table (the training speakers). */
  speakers: number;
  speakerDim: number;
  textDim: number;
  textLayers: number;
  textKernel: number;
  durationLayers: number;
  durationKernel: number;
  decoderDim: number;
  /** Dilation of each decoder layer. */
  decoderDilations: number[];
  decoderKernel: number;
  /** Frames the decoder produces per step (it runs at 1/framesPerStep of the mel frame rate, like Tacotron's r). */
  framesPerStep: number;
  nMels: number;
}

export function ttsConfig(speakers: number): TtsConfig {
  return {
    vocab: PHONEME_INVENTORY.length,
    modifiers: MODIFIER_COUNT,
    speakers,
    speakerDim: 64,
    textDim: 128,
    textLayers: 4,
    textKernel: 5,
    durationLayers: 2,
    durationKernel: 3,
    decoderDim: 128,
    decoderDilations: [1, 2, 4, 1, 2, 4],
    decoderKernel: 5,
    framesPerStep: 2,
    nMels: MEL.nMels,
  };
}

/** Every tensor of the model by name. `melMean`/`melStd` are fixed normalization, `speakerTable` the training voices. */
export type TtsWeights = Record<string, tf.Variable>;

export const FIXED_WEIGHTS = ['melMean', 'melStd'] as const;

/** Extra decoder input per frame: position within its token (0…1) and the token's log duration / 4. */
const POSITION_FEATURES = 2;

function shapes(cfg: TtsConfig): Record<string, number[]> {
  const d = cfg.textDim;
  const c = cfg.decoderDim;
  const e = cfg.speakerDim;
  const s: Record<string, number[]> = {
    melMean: [cfg.nMels],
    melStd: [cfg.nMels],
    speakerTable: [cfg.speakers, e],
    tokenEmbedding: [cfg.vocab, d],
    modifierEmbedding: [cfg.modifiers, d],
    priorW: [d, cfg.nMels],
    priorB: [cfg.nMels],
    durationOutW: [d, 1],
    durationOutB: [1],
    decoderInW: [cfg.framesPerStep * (d + cfg.nMels + POSITION_FEATURES), c],
    decoderInB: [c],
    decoderOutW: [c, cfg.framesPerStep * cfg.nMels],
    decoderOutB: [cfg.framesPerStep * cfg.nMels],
  };
  const layer = (prefix: string, kernel: number, dim: number) => {
    s[`${prefix}W`] = [kernel * dim, dim];
    s[`${prefix}B`] = [dim];
    s[`${prefix}FilmW`] = [e, 2 * dim];
    s[`${prefix}FilmB`] = [2 * dim];
  };
  for (let i = 0; i < cfg.textLayers; i++) layer(`text${i}`, cfg.textKernel, d);
  for (let i = 0; i < cfg.durationLayers; i++) layer(`duration${i}`, cfg.durationKernel, d);
  cfg.decoderDilations.forEach((_, i) => layer(`decoder${i}`, cfg.decoderKernel, c));
  return s;
}

/** Names and shapes of every weight, in a fixed order. */
export function ttsWeightShapes(cfg: TtsConfig): [string, number[]][] {
  return Object.entries(shapes(cfg));
}

/** Fresh weights: scaled normal matrices, zero biases and FiLM, identity mel normalization. */
export function initTtsWeights(cfg: TtsConfig, seed = 1): TtsWeights {
  const out: TtsWeights = {};
  let k = seed;
  for (const [name, shape] of ttsWeightShapes(cfg)) {
    const init = tf.tidy(() => {
      if (name === 'melStd') return tf.ones(shape);
      if (shape.length === 1 || name.endsWith('FilmW')) return tf.zeros(shape);
      if (name === 'speakerTable') return tf.randomNormal(shape, 0, 0.3, 'float32', k++);
      if (name.endsWith('Embedding')) return tf.randomNormal(shape, 0, 0.3, 'float32', k++);
      const scale = Math.sqrt((name.endsWith('OutW') || name === 'priorW' ? 1 : 2) / shape[0]);
      return tf.randomNormal(shape, 0, scale, 'float32', k++);
    });
    out[name] = tf.variable(init, !(FIXED_WEIGHTS as readonly string[]).includes(name));
    init.dispose();
  }
  return out;
}

function dense(x: tf.Tensor, w: tf.Tensor, b: tf.Tensor): tf.Tensor {
  const shape = x.shape;
  const flat = tf.reshape(x, [-1, shape[shape.length - 1]]);
  return tf.reshape(tf.add(matMulPlain(flat, w), b), [...shape.slice(0, -1), w.shape[1] as number]);
}

/** 'same'-padded dilated 1-D convolution over axis 1 of [batch, length, channels]: im2col by shifted slices + one matMul. */
function conv1d(x: tf.Tensor3D, w: tf.Tensor, b: tf.Tensor, kernel: number, dilation: number): tf.Tensor3D {
  const [batch, length, channels] = x.shape;
  const pad = ((kernel - 1) / 2) * dilation;
  const padded = tf.pad(x, [[0, 0], [pad, pad], [0, 0]]);
  const taps: tf.Tensor[] = [];
  for (let i = 0; i < kernel; i++) taps.push(tf.slice(padded, [0, i * dilation, 0], [batch, length, channels]));
  return dense(tf.concat(taps, 2), w, b) as tf.Tensor3D;
}

/** Identity whose gradient is zero (tfjs has no stopGradient): the duration predictor must not reshape the encoder. */
const stopGradient = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
  const x = args[0] as tf.Tensor;
  return { value: tf.clone(x), gradFunc: (dy: tf.Tensor) => [tf.zerosLike(dy)] };
});

function layerNorm(x: tf.Tensor): tf.Tensor {
  const { mean, variance } = tf.moments(x, -1, true);
  return tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, 1e-5)));
}

/** Residual block: conv → layer norm → speaker FiLM → ReLU, added to the input; padded positions stay zero. */
function conditionedBlock(
  weights: TtsWeights,
  prefix: string,
  x: tf.Tensor3D,
  speaker: tf.Tensor2D,
  mask: tf.Tensor3D,
  kernel: number,
  dilation: number,
): tf.Tensor3D {
  const dim = x.shape[2];
  const film = tf.add(matMulPlain(speaker, weights[`${prefix}FilmW`]), weights[`${prefix}FilmB`]);
  const scale = tf.expandDims(tf.slice(film, [0, 0], [-1, dim]), 1);
  const shift = tf.expandDims(tf.slice(film, [0, dim], [-1, dim]), 1);
  const y = conv1d(x, weights[`${prefix}W`], weights[`${prefix}B`], kernel, dilation);
  const z = tf.relu(tf.add(tf.mul(layerNorm(y), tf.add(scale, 1)), shift));
  return tf.mul(tf.add(x, z), mask) as tf.Tensor3D;
}

export interface TextEncoding {
  /** Token states [batch, tokens, textDim]. */
  hidden: tf.Tensor3D;
  /** Per-token mel prior in normalized units [batch, tokens, nMels]. */
  prior: tf.Tensor3D;
  /** Predicted log frames per token [batch, tokens]. */
  logDurations: tf.Tensor2D;
}

/**
 * Encodes token ids and modifiers [batch, tokens] (zero-padded, `tokenMask` 1 on real tokens) for speaker vectors
 * [batch, speakerDim]. Call inside tf.tidy.
 */
export function encodeText(
  weights: TtsWeights,
  cfg: TtsConfig,
  ids: tf.Tensor2D,
  modifiers: tf.Tensor2D,
  tokenMask: tf.Tensor2D,
  speaker: tf.Tensor2D,
): TextEncoding {
  const [batch, tokens] = ids.shape;
  const mask = tf.expandDims(tokenMask, 2) as tf.Tensor3D;
  // Embedding lookups as one-hot matMuls: their gradient is a matMul too (the gather gradient is missing on wasm).
  const idHot = tf.oneHot(tf.reshape(ids, [-1]), cfg.vocab);
  const modHot = tf.oneHot(tf.reshape(modifiers, [-1]), cfg.modifiers);
  let h = tf.reshape(
    tf.add(matMulPlain(idHot, weights.tokenEmbedding), matMulPlain(modHot, weights.modifierEmbedding)),
    [batch, tokens, cfg.textDim],
  ) as tf.Tensor3D;
  h = tf.mul(h, mask) as tf.Tensor3D;
  for (let i = 0; i < cfg.textLayers; i++) h = conditionedBlock(weights, `text${i}`, h, speaker, mask, cfg.textKernel, 1);
  const prior = dense(h, weights.priorW, weights.priorB) as tf.Tensor3D;
  let d = stopGradient(h) as tf.Tensor3D;
  for (let i = 0; i < cfg.durationLayers; i++) d = conditionedBlock(weights, `duration${i}`, d, speaker, mask, cfg.durationKernel, 1);
  const logDurations = tf.reshape(dense(d, weights.durationOutW, weights.durationOutB), [batch, tokens]) as tf.Tensor2D;
  return { hidden: h, prior, logDurations };
}

/** Frame-to-token expansion for a batch: durations per item → block-diagonal one-hot map and position features. */
export interface Expansion {
  /** Frames per item after padding. */
  frames: number;
  /** [batch·frames, batch·tokens] one-hot rows (all-zero rows on padding). */
  map: Float32Array;
  /** [batch·frames, POSITION_FEATURES]. */
  position: Float32Array;
  /** [batch·frames] 1 on real frames. */
  frameMask: Float32Array;
}

/**
 * Builds the length regulator's inputs from integer durations (one array per item, padded to `tokens`); the frame
 * count is at least `frames` and rounded up to a multiple of `multiple` (the decoder's frames per step).
 */
export function expansion(durations: readonly Int32Array[], tokens: number, multiple: number, frames = 1): Expansion {
  const batch = durations.length;
  const lengths = durations.map((d) => d.reduce((a, b) => a + b, 0));
  const T = Math.ceil(Math.max(frames, ...lengths) / multiple) * multiple;
  const map = new Float32Array(batch * T * batch * tokens);
  const position = new Float32Array(batch * T * POSITION_FEATURES);
  const frameMask = new Float32Array(batch * T);
  durations.forEach((d, b) => {
    let t = 0;
    for (let i = 0; i < d.length && t < T; i++) {
      for (let f = 0; f < d[i] && t < T; f++, t++) {
        const row = b * T + t;
        map[row * batch * tokens + b * tokens + i] = 1;
        position[row * POSITION_FEATURES] = (f + 0.5) / d[i];
        position[row * POSITION_FEATURES + 1] = Math.log(d[i]) / 4;
        frameMask[row] = 1;
      }
    }
  });
  return { frames: T, map, position, frameMask };
}

/**
 * Decodes expanded token states into normalized log-mel [batch, frames, nMels]: prior + dilated conv decoder.
 * Returns the expanded prior too (its own loss pulls token priors toward the frames they cover).
 */
export function decodeMel(
  weights: TtsWeights,
  cfg: TtsConfig,
  enc: TextEncoding,
  ex: Expansion,
  speaker: tf.Tensor2D,
): { mel: tf.Tensor3D; prior: tf.Tensor3D } {
  const [batch, tokens] = enc.logDurations.shape;
  const T = ex.frames;
  const map = tf.tensor2d(ex.map, [batch * T, batch * tokens]);
  const hidden = matMulPlain(map, tf.reshape(enc.hidden, [batch * tokens, cfg.textDim]));
  const prior = matMulPlain(map, tf.reshape(enc.prior, [batch * tokens, cfg.nMels]));
  const position = tf.tensor2d(ex.position, [batch * T, POSITION_FEATURES]);
  const mask = tf.tensor3d(ex.frameMask, [batch, T, 1]);
  // The decoder sees groups of r consecutive frames side by side and emits r frames per step.
  const r = cfg.framesPerStep;
  const steps = T / r;
  const grouped = tf.reshape(tf.concat([hidden, prior, position], 1), [batch * steps, -1]);
  const stepMask = tf.reshape(tf.max(tf.reshape(mask, [batch, steps, r]), 2), [batch, steps, 1]) as tf.Tensor3D;
  let h = tf.reshape(tf.add(matMulPlain(grouped, weights.decoderInW), weights.decoderInB), [batch, steps, cfg.decoderDim]) as tf.Tensor3D;
  h = tf.mul(h, stepMask) as tf.Tensor3D;
  cfg.decoderDilations.forEach((dil, i) => {
    h = conditionedBlock(weights, `decoder${i}`, h, speaker, stepMask, cfg.decoderKernel, dil);
  });
  const priorFrames = tf.reshape(prior, [batch, T, cfg.nMels]) as tf.Tensor3D;
  const residual = tf.reshape(dense(h, weights.decoderOutW, weights.decoderOutB), [batch, T, cfg.nMels]);
  const mel = tf.mul(tf.add(priorFrames, residual), mask) as tf.Tensor3D;
  return { mel, prior: priorFrames };
}

/** Speaker vectors of table rows, as a one-hot matMul (differentiable on every backend). */
export function speakerRows(weights: TtsWeights, cfg: TtsConfig, rows: Int32Array): tf.Tensor2D {
  if (rows.some((r) => r < 0 || r >= cfg.speakers)) throw new VoiceCloneError('BAD_ARGUMENT', `Speaker row outside 0…${cfg.speakers - 1}.`);
  return matMulPlain(tf.oneHot(tf.tensor1d(rows, 'int32'), cfg.speakers), weights.speakerTable);
}

/** Normalized log-mel → log-mel, and back. */
export function denormalizeMel(weights: TtsWeights, mel: tf.Tensor): tf.Tensor {
  return tf.add(tf.mul(mel, weights.melStd), weights.melMean);
}
export function normalizeMel(weights: TtsWeights, mel: tf.Tensor): tf.Tensor {
  return tf.div(tf.sub(mel, weights.melMean), weights.melStd);
}
