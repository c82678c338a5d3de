// Platt scaling: fitted probabilities are monotonic in the score, near 0.5 at the class boundary, and near the class rates.
import { describe, expect, it } from 'vitest';
import { calibratedProbability, fitLogistic, fitPlatt } from '../../../ml/eval/calibration';

describe('fitPlatt', () => {
  it('gives 0.5 midway between symmetric classes and confident answers far from it', () => {
    const same = Array.from({ length: 200 }, (_, i) => 0.6 + (i % 20) * 0.01);
    const different = same.map((s) => 0.8 - s);
    const cal = fitPlatt({ same, different });
    expect(cal.a).toBeGreaterThan(0);
    expect(calibratedProbability(0.4, cal)).toBeCloseTo(0.5, 2);
    expect(calibratedProbability(0.75, cal)).toBeGreaterThan(0.95);
    expect(calibratedProbability(0.05, cal)).toBeLessThan(0.05);
  });

  it('recovers the true logistic curve from sampled labels', () => {
    // Scores on a grid; the share of same-speaker trials at score x is sigmoid(8x - 2).
    const same: number[] = [];
    const different: number[] = [];
    for (let k = 0; k <= 100; k++) {
      const x = k / 100;
      const p = 1 / (1 + Math.exp(-(8 * x - 2)));
      const nSame = Math.round(p * 200);
      for (let i = 0; i < nSame; i++) same.push(x);
      for (let i = nSame; i < 200; i++) different.push(x);
    }
    const cal = fitPlatt({ same, different });
    expect(cal.a).toBeCloseTo(8, 0);
    expect(cal.b).toBeCloseTo(-2, 0);
  });

  it('with balanced weights, removes the log prior odds of unequal trial counts from the offset', () => {
    const same = Array.from({ length: 50 }, (_, i) => 0.5 + (i % 10) * 0.05);
    const different = Array.from({ length: 400 }, (_, i) => 0.1 + (i % 10) * 0.05);
    const plain = fitPlatt({ same, different });
    const balanced = fitPlatt({ same, different }, { balanced: true });
    // Prior odds 50:400 pull the plain curve down; the balanced one crosses 0.5 further left.
    expect(calibratedProbability(0.5, balanced)).toBeGreaterThan(calibratedProbability(0.5, plain));
    const midpoint = (c: { a: number; b: number }) => -c.b / c.a;
    expect(midpoint(balanced)).toBeLessThan(midpoint(plain));
  });

  it('needs both kinds of trials', () => {
    expect(() => fitPlatt({ same: [0.5], different: [] })).toThrow(/both/);
  });
});

describe('fitLogistic', () => {
  it('recovers the weights of a two-feature logistic curve from sampled labels', () => {
    // On a grid of (x, q), the share of same-speaker trials is sigmoid(6x - 2q + 1).
    const trials: Array<{ features: number[]; same: boolean }> = [];
    for (let i = 0; i <= 20; i++) {
      for (let j = 0; j <= 10; j++) {
        const x = i / 20;
        const q = j / 5;
        const p = 1 / (1 + Math.exp(-(6 * x - 2 * q + 1)));
        const nSame = Math.round(p * 100);
        for (let n = 0; n < 100; n++) trials.push({ features: [x, q], same: n < nSame });
      }
    }
    const { weights, bias } = fitLogistic(trials);
    expect(weights[0]).toBeCloseTo(6, 1);
    expect(weights[1]).toBeCloseTo(-2, 1);
    expect(bias).toBeCloseTo(1, 1);
  });

  it('refuses trials whose features differ in number or are not finite', () => {
    expect(() => fitLogistic([{ features: [1, 2], same: true }, { features: [1], same: false }])).toThrow(/2 finite features/);
    expect(() => fitLogistic([{ features: [NaN], same: true }, { features: [1], same: false }])).toThrow(/finite/);
  });
});
