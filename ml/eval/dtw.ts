// Dynamic time warping between two frame sequences: the cheapest monotonic alignment under a frame distance.
// Symmetric steps (diagonal, insertion, deletion), full cost matrix; used to align parallel utterances before comparing them.

import { VoiceCloneError } from '../errors';

export interface DtwResult {
  /** Aligned frame pairs [i in a, j in b], from (0, 0) to (a.length-1, b.length-1). */
  path: Array<[number, number]>;
  /** Sum of frame distances along the path. */
  cost: number;
}

/** Aligns sequences `a` and `b` (any frame type) under `distance`. */
export function dtw<T>(a: readonly T[], b: readonly T[], distance: (x: T, y: T) => number): DtwResult {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) throw new VoiceCloneError('BAD_ARGUMENT', `DTW needs two non-empty sequences, got ${n} and ${m} frames.`);
  const acc = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const d = distance(a[i], b[j]);
      let best: number;
      if (i === 0 && j === 0) best = 0;
      else if (i === 0) best = acc[j - 1];
      else if (j === 0) best = acc[(i - 1) * m];
      else best = Math.min(acc[(i - 1) * m + j - 1], acc[(i - 1) * m + j], acc[i * m + j - 1]);
      acc[i * m + j] = best + d;
    }
  }
  const path: Array<[number, number]> = [[n - 1, m - 1]];
  let i = n - 1;
  let j = m - 1;
  while (i > 0 || j > 0) {
    if (i === 0) j--;
    else if (j === 0) i--;
    else {
      const diag = acc[(i - 1) * m + j - 1];
      const up = acc[(i - 1) * m + j];
      const left = acc[i * m + j - 1];
      if (diag <= up && diag <= left) {
        i--;
        j--;
      } else if (up <= left) i--;
      else j--;
    }
    path.push([i, j]);
  }
  path.reverse();
  return { path, cost: acc[n * m - 1] };
}
