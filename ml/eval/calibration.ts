// Platt scaling: a logistic map from a verification score to a same-speaker probability, fitted on labeled trials.
// p(same | s) = 1 / (1 + exp(-(a·s + b))), a and b by Newton's method on the log-loss (with Platt's smoothed targets).

import { VoiceCloneError } from '../errors';
import type { TrialScores } from './eer';

export interface PlattCalibration {
  a: number;
  b: number;
}

/** Same-speaker probability of a score under a fitted calibration. */
export function calibratedProbability(score: number, { a, b }: PlattCalibration): number {
  return 1 / (1 + Math.exp(-(a * score + b)));
}

/**
 * Fits a, b on the trials; the targets (n₊+1)/(n₊+2) and 1/(n₋+2) keep separable sets from diverging.
 * `balanced` weighs both classes equally, so the probability assumes even prior odds whatever the trial counts.
 */
export function fitPlatt({ same, different }: TrialScores, opts: { balanced?: boolean; iterations?: number } = {}): PlattCalibration {
  const iterations = opts.iterations ?? 100;
  if (same.length === 0 || different.length === 0) {
    throw new VoiceCloneError('BAD_ARGUMENT', 'Calibration needs both same-speaker and different-speaker trials.');
  }
  const xs = [...Array.from(same), ...Array.from(different)];
  const hi = (same.length + 1) / (same.length + 2);
  const lo = 1 / (different.length + 2);
  const ys = xs.map((_, i) => (i < same.length ? hi : lo));
  const wSame = opts.balanced ? xs.length / (2 * same.length) : 1;
  const wDiff = opts.balanced ? xs.length / (2 * different.length) : 1;
  let a = 0;
  let b = 0;
  for (let it = 0; it < iterations; it++) {
    // Gradient and Hessian of the mean log-loss in (a, b).
    let ga = 0;
    let gb = 0;
    let haa = 1e-9;
    let hab = 0;
    let hbb = 1e-9;
    for (let i = 0; i < xs.length; i++) {
      const p = calibratedProbability(xs[i], { a, b });
      const weight = i < same.length ? wSame : wDiff;
      const r = weight * (p - ys[i]);
      const w = weight * p * (1 - p);
      ga += r * xs[i];
      gb += r;
      haa += w * xs[i] * xs[i];
      hab += w * xs[i];
      hbb += w;
    }
    const det = haa * hbb - hab * hab;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) + Math.abs(db) < 1e-10) break;
  }
  return { a, b };
}
