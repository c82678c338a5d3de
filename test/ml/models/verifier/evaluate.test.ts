// All-pairs trials: pair counts and labels follow from the speaker list, the duration shift moves each score by the
// pair's durations, and pooling concatenates trial sets.
import { describe, expect, it } from 'vitest';
import { allPairs, poolTrials, scorePairs } from '../../../../ml/models/verifier/evaluate';

describe('allPairs / scorePairs', () => {
  const vectors = [[1, 0], [1, 0.1], [0, 1], [0.1, 1], [1, 1]];
  const clips = ['a', 'a', 'b', 'b', 'c'].map((speaker, i) => ({ speaker, seconds: i + 1 }));

  it('scores every unordered pair once, by whether the speakers match', () => {
    const pairs = allPairs(vectors, clips);
    expect(pairs).toHaveLength(10);
    expect(pairs[0]).toMatchObject({ secondsA: 1, secondsB: 2, same: true });
    const t = scorePairs(pairs, null);
    expect(t.same).toHaveLength(2);
    expect(t.different).toHaveLength(8);
    for (const s of t.same) expect(s).toBeGreaterThan(0.99);
    expect(Math.min(...t.different)).toBeCloseTo(0, 1);
  });

  it('shifts each score by the duration weights', () => {
    const pairs = allPairs(vectors, clips);
    const plain = scorePairs(pairs, null);
    const shifted = scorePairs(pairs, { logMin: 0, logSum: -0.1 });
    expect(shifted.same[0]).toBeCloseTo(plain.same[0] - 0.1 * Math.log(1 * 2), 10);
    expect(shifted.same[1]).toBeCloseTo(plain.same[1] - 0.1 * Math.log(3 * 4), 10);
  });

  it('pools trial sets', () => {
    expect(poolTrials([{ same: [1], different: [0] }, { same: [0.5], different: [] }])).toEqual({ same: [1, 0.5], different: [0] });
  });
});
