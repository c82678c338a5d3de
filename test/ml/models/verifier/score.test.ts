// Verifier trial scores: the duration shift on known numbers, its fit recovering a planted shift, and the calibrated
// comparison of an utterance with references.
import { describe, expect, it } from 'vitest';
import { compareSpeakers, fitDurationWeights, trialScore } from '../../../../ml/models/verifier/score';
import type { LoadedVerifier } from '../../../../ml/models/verifier/weights';

describe('trialScore', () => {
  it('adds logMin·ln(shorter) + logSum·(ln a + ln b) to the cosine, and nothing without weights', () => {
    const w = { logMin: -0.02, logSum: -0.06 };
    expect(trialScore(0.5, 2, 4, w)).toBeCloseTo(0.5 - 0.02 * Math.log(2) - 0.06 * Math.log(8), 10);
    expect(trialScore(0.5, 4, 2, w)).toBeCloseTo(trialScore(0.5, 2, 4, w), 12);
    expect(trialScore(0.5, 1, 1, w)).toBe(0.5);
    expect(trialScore(0.5, 2, 4, null)).toBe(0.5);
    expect(() => trialScore(0.5, 0, 4, w)).toThrow(/positive/);
  });
});

describe('fitDurationWeights', () => {
  it('recovers a planted duration shift from trials whose cosine drops with length', () => {
    // Same-speaker cosines around 0.6, different around 0.2, both lowered by 0.1 per ln(second) of each clip: the
    // fitted shift should undo it (+0.1 per unit of ln a + ln b, nothing on the shorter clip).
    const trials: Array<{ cosine: number; secondsA: number; secondsB: number; same: boolean }> = [];
    const durations = [1, 1.5, 2, 3, 4, 6];
    let k = 0;
    for (const a of durations) {
      for (const b of durations) {
        for (let i = 0; i < 40; i++) {
          const same = i % 2 === 0;
          const noise = Math.sin(++k * 12.9898) * 0.15; // deterministic spread
          const cosine = (same ? 0.6 : 0.2) + noise - 0.1 * (Math.log(a) + Math.log(b));
          trials.push({ cosine, secondsA: a, secondsB: b, same });
        }
      }
    }
    const w = fitDurationWeights(trials);
    expect(w.logSum).toBeCloseTo(0.1, 1);
    expect(Math.abs(w.logMin)).toBeLessThan(0.03);
  });
});

describe('compareSpeakers', () => {
  const embedding = (x: number, y: number) => Float32Array.from([x, y]);
  const verifier = (calibration: { a: number; b: number } | null) =>
    ({ calibration, durationWeights: { logMin: 0, logSum: -0.1 } }) as unknown as LoadedVerifier;

  it('scores against the mean of the references, with their seconds of speech summed', () => {
    const r = compareSpeakers(verifier({ a: 10, b: -5 }), { embedding: embedding(1, 0), seconds: 2 }, [
      { embedding: embedding(1, 0), seconds: 1 },
      { embedding: embedding(0, 1), seconds: 3 },
    ]);
    expect(r.cosine).toBeCloseTo(Math.SQRT1_2, 6);
    expect(r.score).toBeCloseTo(Math.SQRT1_2 - 0.1 * Math.log(2 * 4), 6);
    expect(r.probability).toBeCloseTo(1 / (1 + Math.exp(-(10 * r.score - 5))), 6);
  });

  it('refuses a probability from weights without calibration', () => {
    expect(() => compareSpeakers(verifier(null), { embedding: embedding(1, 0), seconds: 2 }, [{ embedding: embedding(1, 0), seconds: 2 }])).toThrow(/no calibration/);
  });
});
