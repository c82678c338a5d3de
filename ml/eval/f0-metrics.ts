// F0 agreement on frames voiced in both tracks: RMSE in Hz and Pearson correlation.
// Unvoiced frames are 0 or NaN; tracks of different lengths are compared along an alignment path (e.g. from mcdDtw).

import { VoiceCloneError } from '../errors';

export interface F0Comparison {
  /** Root-mean-square difference in Hz over frames voiced in both tracks. */
  rmseHz: number;
  /** Pearson correlation of the two tracks over the same frames (NaN when either is constant there). */
  correlation: number;
  /** How many frame pairs were voiced in both. */
  voicedFrames: number;
}

const voiced = (f: number) => Number.isFinite(f) && f > 0;

/** Compares `ref` and `test` frame by frame, or along `path` pairs [refFrame, testFrame] when given. */
export function compareF0(ref: ArrayLike<number>, test: ArrayLike<number>, path?: ReadonlyArray<readonly [number, number]>): F0Comparison {
  if (!path && ref.length !== test.length) {
    throw new VoiceCloneError('BAD_ARGUMENT', `F0 tracks differ in length (${ref.length} vs ${test.length}); pass an alignment path.`);
  }
  const pairs = path ?? Array.from({ length: ref.length }, (_, i) => [i, i] as const);
  const xs: number[] = [];
  const ys: number[] = [];
  for (const [i, j] of pairs) {
    if (i < 0 || i >= ref.length || j < 0 || j >= test.length) {
      throw new VoiceCloneError('BAD_ARGUMENT', `Alignment pair (${i}, ${j}) lies outside the F0 tracks.`);
    }
    if (voiced(ref[i]) && voiced(test[j])) {
      xs.push(ref[i]);
      ys.push(test[j]);
    }
  }
  if (xs.length === 0) throw new VoiceCloneError('BAD_ARGUMENT', 'No frame is voiced in both F0 tracks.');
  const n = xs.length;
  const mx = xs.reduce((s, v) => s + v, 0) / n;
  const my = ys.reduce((s, v) => s + v, 0) / n;
  let se = 0;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let k = 0; k < n; k++) {
    se += (xs[k] - ys[k]) ** 2;
    sxy += (xs[k] - mx) * (ys[k] - my);
    sxx += (xs[k] - mx) ** 2;
    syy += (ys[k] - my) ** 2;
  }
  return { rmseHz: Math.sqrt(se / n), correlation: sxx === 0 || syy === 0 ? NaN : sxy / Math.sqrt(sxx * syy), voicedFrames: n };
}
