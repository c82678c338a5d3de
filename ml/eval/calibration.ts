// Logistic calibration fitted on labeled trials: Platt scaling p(same | s) = 1 / (1 + exp(-(a·s + b))), and the same
// fit over several features (a score plus quality measures such as clip durations), by Newton's method on the log-loss.

import { Matrix, solve } from 'ml-matrix';
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

/** A trial's features (the score first, then any quality measures) and whether it is a same-speaker trial. */
export interface LabeledTrial {
  features: readonly number[];
  same: boolean;
}

/**
 * Logistic regression p(same) = 1 / (1 + exp(-(w·features + bias))) by Newton's method on the log-loss, with Platt's
 * smoothed targets (n₊+1)/(n₊+2) and 1/(n₋+2), which keep separable sets from diverging. `balanced` weighs both
 * classes equally, so the fit assumes even prior odds whatever the trial counts.
 */
export function fitLogistic(trials: readonly LabeledTrial[], opts: { balanced?: boolean; iterations?: number } = {}): { weights: number[]; bias: number } {
  const nSame = trials.filter((t) => t.same).length;
  const nDiff = trials.length - nSame;
  if (nSame === 0 || nDiff === 0) throw new VoiceCloneError('BAD_ARGUMENT', 'Calibration needs both same-speaker and different-speaker trials.');
  const k = trials[0].features.length;
  if (trials.some((t) => t.features.length !== k || t.features.some((x) => !Number.isFinite(x)))) {
    throw new VoiceCloneError('BAD_ARGUMENT', `Every trial needs ${k} finite features.`);
  }
  const hi = (nSame + 1) / (nSame + 2);
  const lo = 1 / (nDiff + 2);
  const wSame = opts.balanced ? trials.length / (2 * nSame) : 1;
  const wDiff = opts.balanced ? trials.length / (2 * nDiff) : 1;
  // Parameters θ = [weights…, bias]; each row is [features…, 1].
  let theta = new Array<number>(k + 1).fill(0);
  for (let it = 0; it < (opts.iterations ?? 100); it++) {
    const grad = new Matrix(k + 1, 1);
    const hess = Matrix.eye(k + 1, k + 1).mul(1e-9);
    for (const t of trials) {
      const row = [...t.features, 1];
      const p = 1 / (1 + Math.exp(-row.reduce((z, x, j) => z + theta[j] * x, 0)));
      const weight = t.same ? wSame : wDiff;
      const r = weight * (p - (t.same ? hi : lo));
      const h = weight * p * (1 - p);
      for (let i = 0; i <= k; i++) {
        grad.set(i, 0, grad.get(i, 0) + r * row[i]);
        for (let j = 0; j <= k; j++) hess.set(i, j, hess.get(i, j) + h * row[i] * row[j]);
      }
    }
    const step = solve(hess, grad).getColumn(0);
    theta = theta.map((x, i) => x - step[i]);
    if (step.reduce((s, x) => s + Math.abs(x), 0) < 1e-10) break;
  }
  return { weights: theta.slice(0, k), bias: theta[k] };
}

/** Fits a and b of Platt scaling on a score's same- and different-speaker trials (see `fitLogistic`). */
export function fitPlatt({ same, different }: TrialScores, opts: { balanced?: boolean; iterations?: number } = {}): PlattCalibration {
  const trials = [...Array.from(same, (s) => ({ features: [s], same: true })), ...Array.from(different, (s) => ({ features: [s], same: false }))];
  const { weights, bias } = fitLogistic(trials, opts);
  return { a: weights[0], b: bias };
}
