// Equal error rate on score sets with known answers: separable, fully overlapping, and a hand-counted overlap.
import { describe, expect, it } from 'vitest';
import { equalErrorRate } from '../../../ml/eval/eer';

describe('equalErrorRate', () => {
  it('is 0 for separable scores, with a threshold between the classes', () => {
    const r = equalErrorRate({ same: [0.8, 0.9, 0.95], different: [0.1, 0.2, 0.3] });
    expect(r.eer).toBe(0);
    expect(r.threshold).toBeGreaterThan(0.3);
    expect(r.threshold).toBeLessThanOrEqual(0.8);
  });

  it('is 1 when every different-speaker score beats every same-speaker score', () => {
    expect(equalErrorRate({ same: [0.1, 0.2], different: [0.8, 0.9] }).eer).toBe(1);
  });

  it('is 0.2 when one of five trials on each side crosses over', () => {
    // At threshold 0.5: same 0.35 rejected (1/5), different 0.5 accepted (1/5).
    const r = equalErrorRate({ same: [0.35, 0.6, 0.7, 0.8, 0.9], different: [0.1, 0.2, 0.3, 0.4, 0.5] });
    expect(r.eer).toBeCloseTo(0.2, 10);
  });

  it('is about 0.5 for identical score distributions', () => {
    const xs = Array.from({ length: 1000 }, (_, i) => i / 1000);
    expect(equalErrorRate({ same: xs, different: xs }).eer).toBeCloseTo(0.5, 2);
  });

  it('matches the Gaussian answer Φ(-d/2) for two unit-variance classes d apart', () => {
    // Deterministic quantiles of N(0,1) and N(2,1): EER = Φ(-1) ≈ 0.1587.
    const n = 4000;
    const q = (p: number) => Math.SQRT2 * erfinv(2 * p - 1);
    const base = Array.from({ length: n }, (_, i) => q((i + 0.5) / n));
    const r = equalErrorRate({ same: base.map((v) => v + 2), different: base });
    expect(r.eer).toBeCloseTo(0.1587, 2);
    expect(r.threshold).toBeCloseTo(1, 1);
  });

  it('rejects empty or non-finite scores', () => {
    expect(() => equalErrorRate({ same: [], different: [0.1] })).toThrow(/at least one same-speaker/);
    expect(() => equalErrorRate({ same: [NaN], different: [0.1] })).toThrow(/not a finite number/);
  });
});

/** Inverse error function (Giles' approximation, ~1e-7 relative error), enough to build Gaussian quantiles. */
function erfinv(x: number): number {
  let w = -Math.log((1 - x) * (1 + x));
  let p: number;
  if (w < 5) {
    w -= 2.5;
    p = 2.81022636e-8;
    for (const c of [3.43273939e-7, -3.5233877e-6, -4.39150654e-6, 0.00021858087, -0.00125372503, -0.00417768164, 0.246640727, 1.50140941]) p = c + p * w;
  } else {
    w = Math.sqrt(w) - 3;
    p = -0.000200214257;
    for (const c of [0.000100950558, 0.00134934322, -0.00367342844, 0.00573950773, -0.0076224613, 0.00943887047, 1.00167406, 2.83297682]) p = c + p * w;
  }
  return p * x;
}
