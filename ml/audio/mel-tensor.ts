// Differentiable log-mel spectrogram inside tfjs graphs, for every backend (wasm has no FFT or complex kernels):
// STFT as framed signal × windowed DFT matrix (matMul), |X| = sqrt(re² + im² + eps), mel by matMul, natural log.

import * as tf from '@tensorflow/tfjs';
import { VoiceCloneError } from '../errors';
import { MEL } from './config';
import { checkStftParams, frameCount, hannWindow } from './fft';
import { checkMelParams, melFilterbank, type MelParams } from './mel';

/** Added under the square root so the magnitude has a finite gradient where a bin is exactly zero. */
const MAGNITUDE_EPS = 1e-10;

interface MelMatrices {
  /** Samples each frame reads: the window rounded up to whole hops. */
  frameSpan: number;
  /** Offset of the window inside the nFft frame. */
  offset: number;
  /** [frameSpan × 2·bins]: window × cos in the first bins columns, window × −sin in the rest. */
  dft: tf.Tensor2D;
  /** [bins × nMels]: the transposed filterbank. */
  melT: tf.Tensor2D;
}

const cache = new Map<string, MelMatrices>();

function matrices(cfg: MelParams): MelMatrices {
  const key = JSON.stringify(cfg);
  const hit = cache.get(key);
  if (hit) return hit;
  const bins = checkMelParams(cfg);
  const { nFft, winLength, hopLength, nMels } = cfg;
  checkStftParams(cfg);
  const offset = Math.floor((nFft - winLength) / 2);
  const frameSpan = Math.ceil(winLength / hopLength) * hopLength;
  const window = hannWindow(winLength, nFft);
  const dft = new Float32Array(frameSpan * 2 * bins);
  for (let n = 0; n < winLength; n++) {
    const i = n + offset;
    for (let k = 0; k < bins; k++) {
      // Reduce k·i mod nFft before the trig call to keep the angle small and exact.
      const angle = (2 * Math.PI * ((k * i) % nFft)) / nFft;
      dft[n * 2 * bins + k] = window[i] * Math.cos(angle);
      dft[n * 2 * bins + bins + k] = -window[i] * Math.sin(angle);
    }
  }
  const fb = melFilterbank(cfg);
  const melT = new Float32Array(bins * nMels);
  for (let m = 0; m < nMels; m++) for (let k = 0; k < bins; k++) melT[k * nMels + m] = fb[m * bins + k];
  const entry: MelMatrices = {
    frameSpan,
    offset,
    dft: tf.keep(tf.tensor2d(dft, [frameSpan, 2 * bins])),
    melT: tf.keep(tf.tensor2d(melT, [bins, nMels])),
  };
  cache.set(key, entry);
  return entry;
}

/** Reflect-pads the time axis by `pad` on both sides from slices and reverses, so the gradient is exact. */
function reflectPad(x: tf.Tensor2D, pad: number): tf.Tensor2D {
  const [batch, n] = x.shape;
  const left = tf.reverse(tf.slice(x, [0, 1], [batch, pad]), 1);
  const right = tf.reverse(tf.slice(x, [0, n - 1 - pad], [batch, pad]), 1);
  return tf.concat([left, x, right], 1);
}

/**
 * Log-mel spectrograms of a batch of equal-length signals [batch, samples] → [batch, frames, nMels], matching
 * `logMel` of mel.ts (centered frames, reflect padding). Differentiable on every backend; call inside tf.tidy.
 */
export function logMelTensor(audio: tf.Tensor2D, cfg: MelParams = MEL): tf.Tensor3D {
  if (audio.rank !== 2) {
    throw new VoiceCloneError('BAD_ARGUMENT', `logMelTensor takes a [batch, samples] tensor, got rank ${audio.rank}.`);
  }
  const [batch, samples] = audio.shape;
  const pad = cfg.nFft / 2;
  if (samples <= pad) {
    throw new VoiceCloneError('TOO_SHORT', `Audio of ${samples} samples is too short for a ${cfg.nFft}-point STFT; it needs more than ${pad} samples.`);
  }
  const { frameSpan, offset, dft, melT } = matrices(cfg);
  const bins = cfg.nFft / 2 + 1;
  const hop = cfg.hopLength;
  const frames = frameCount(samples, hop);
  const chunksPerFrame = frameSpan / hop;
  const chunks = frames - 1 + chunksPerFrame;

  return tf.tidy(() => {
    const padded = reflectPad(audio.toFloat(), pad);
    // Frame t reads padded[offset + t·hop, offset + t·hop + frameSpan): whole hop-sized chunks t … t + chunksPerFrame − 1.
    const available = samples + 2 * pad - offset;
    const need = chunks * hop;
    let body = tf.slice(padded, [0, offset], [batch, Math.min(available, need)]);
    if (need > available) body = tf.pad(body, [[0, 0], [0, need - available]]);
    const chunked = tf.reshape(body, [batch, chunks, hop]);
    const shifted = Array.from({ length: chunksPerFrame }, (_, j) => tf.slice(chunked, [0, j, 0], [batch, frames, hop]));
    const framed = tf.reshape(tf.concat(shifted, 2), [batch * frames, frameSpan]);

    const spec = tf.matMul(framed, dft);
    const re = tf.slice(spec, [0, 0], [batch * frames, bins]);
    const im = tf.slice(spec, [0, bins], [batch * frames, bins]);
    const mag = tf.sqrt(tf.add(tf.add(tf.square(re), tf.square(im)), MAGNITUDE_EPS));
    const mel = tf.matMul(mag, melT);
    return tf.reshape(tf.log(tf.add(mel, cfg.logFloor)), [batch, frames, cfg.nMels]);
  });
}
