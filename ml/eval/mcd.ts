// Mel-cepstral distortion (dB) between a reference and a test utterance after DTW alignment.
// Cepstra are the orthonormal DCT-II of the log-mel magnitude (MEL layout), coefficients 1..order (energy c0 excluded).

import { logMel, type LogMel } from '../audio/mel';
import type { MonoAudio } from '../audio/types';
import { VoiceCloneError } from '../errors';
import { dtw } from './dtw';

/** Cepstral coefficients kept per frame (c1..c24), the usual MCD order. */
export const MCD_ORDER = 24;

const MCD_SCALE = (10 / Math.LN10) * Math.SQRT2;

/** Mel cepstra c1..order of each frame of a log-mel: orthonormal DCT-II across the mel bands. */
export function melCepstra(mel: LogMel, order = MCD_ORDER): Float64Array[] {
  if (!Number.isInteger(order) || order < 1 || order >= mel.nMels) {
    throw new VoiceCloneError('BAD_ARGUMENT', `Cepstral order must be an integer between 1 and ${mel.nMels - 1}, not ${order}.`);
  }
  const n = mel.nMels;
  const basis = Array.from({ length: order }, (_, k) =>
    Float64Array.from({ length: n }, (_, m) => Math.sqrt(2 / n) * Math.cos((Math.PI * (k + 1) * (m + 0.5)) / n)),
  );
  return Array.from({ length: mel.frames }, (_, t) => {
    const c = new Float64Array(order);
    for (let k = 0; k < order; k++) {
      let s = 0;
      for (let m = 0; m < n; m++) s += basis[k][m] * mel.data[t * n + m];
      c[k] = s;
    }
    return c;
  });
}

/** Distortion of one frame pair in dB: (10 / ln 10) · sqrt(2 · Σ (c_ref − c_test)²). */
export function frameDistortion(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new VoiceCloneError('BAD_ARGUMENT', `Cepstra differ in order: ${a.length} vs ${b.length}.`);
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] - b[i]) ** 2;
  return MCD_SCALE * Math.sqrt(s);
}

export interface McdResult {
  /** Mean frame distortion along the DTW path (dB). */
  mcd: number;
  /** The alignment, reference frame → test frame; reuse it to compare F0 on the same frames. */
  path: Array<[number, number]>;
}

/** MCD between two cepstral sequences, aligned with DTW under the same frame distortion. */
export function mcdDtw(ref: readonly ArrayLike<number>[], test: readonly ArrayLike<number>[]): McdResult {
  const { path, cost } = dtw(ref, test, frameDistortion);
  return { mcd: cost / path.length, path };
}

/** MCD between two recordings (16 kHz mono) via their log-mel cepstra. */
export function mcdFromAudio(ref: MonoAudio, test: MonoAudio, order = MCD_ORDER): McdResult {
  return mcdDtw(melCepstra(logMel(ref), order), melCepstra(logMel(test), order));
}
