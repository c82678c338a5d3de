// All-pairs trial scoring: pair counts and labels follow from the speaker list; pooling concatenates trial sets.
import { describe, expect, it } from 'vitest';
import { allPairTrials, poolTrials } from '../../../../ml/models/verifier/evaluate';

describe('allPairTrials', () => {
  it('scores every unordered pair once, by whether the speakers match', () => {
    const vectors = [[1, 0], [1, 0.1], [0, 1], [0.1, 1], [1, 1]];
    const speakers = ['a', 'a', 'b', 'b', 'c'];
    const t = allPairTrials(vectors, speakers);
    expect(t.same).toHaveLength(2);
    expect(t.different).toHaveLength(8);
    for (const s of t.same) expect(s).toBeGreaterThan(0.99);
    expect(Math.min(...t.different)).toBeCloseTo(0, 1);
  });

  it('pools trial sets', () => {
    expect(poolTrials([{ same: [1], different: [0] }, { same: [0.5], different: [] }])).toEqual({ same: [1, 0.5], different: [0] });
  });
});
