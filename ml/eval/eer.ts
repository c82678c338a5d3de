// Equal error rate of a verification score set: the operating point where false acceptances equal false rejections.
// Higher scores mean "same speaker"; the rate is interpolated between the two thresholds that bracket the crossing.

import { VoiceCloneError } from '../errors';

/** Scores of target (same-speaker) and non-target (different-speaker) trials. */
export interface TrialScores {
  same: ArrayLike<number>;
  different: ArrayLike<number>;
}

export interface EerResult {
  /** Equal error rate in [0, 1]. */
  eer: number;
  /** Score threshold at the equal-error point (accept when score ≥ threshold). */
  threshold: number;
}

function checkScores(name: string, xs: ArrayLike<number>): void {
  if (xs.length === 0) throw new VoiceCloneError('BAD_ARGUMENT', `EER needs at least one ${name} trial.`);
  for (let i = 0; i < xs.length; i++) {
    if (!Number.isFinite(xs[i])) throw new VoiceCloneError('BAD_ARGUMENT', `${name} score ${i} is not a finite number.`);
  }
}

/**
 * EER by sweeping the threshold over every distinct score: FRR(t) = share of same < t, FAR(t) = share of different ≥ t.
 * Separable sets give 0; the crossing between two sweep points is linearly interpolated.
 */
export function equalErrorRate({ same, different }: TrialScores): EerResult {
  checkScores('same-speaker', same);
  checkScores('different-speaker', different);
  const s = Float64Array.from(same).sort();
  const d = Float64Array.from(different).sort();
  const thresholds = Float64Array.from(new Set([...s, ...d, Infinity])).sort();
  let si = 0;
  let di = 0;
  let prev: { t: number; frr: number; far: number } | undefined;
  for (const t of thresholds) {
    while (si < s.length && s[si] < t) si++;
    while (di < d.length && d[di] < t) di++;
    const frr = si / s.length;
    const far = (d.length - di) / d.length;
    if (frr >= far) {
      if (!prev || frr === far) return { eer: (frr + far) / 2, threshold: Number.isFinite(t) ? t : s[s.length - 1] };
      // FRR - FAR changes sign between prev and this threshold: interpolate where the two lines meet.
      const g0 = prev.frr - prev.far;
      const g1 = frr - far;
      const w = g0 / (g0 - g1);
      return {
        eer: prev.frr + w * (frr - prev.frr),
        threshold: Number.isFinite(t) ? prev.t + w * (t - prev.t) : prev.t,
      };
    }
    prev = { t, frr, far };
  }
  throw new VoiceCloneError('BAD_ARGUMENT', 'EER sweep did not cross; scores are malformed.');
}
