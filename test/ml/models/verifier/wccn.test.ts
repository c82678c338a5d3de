// WCCN: the within-speaker covariance on hand-made embeddings, a map that whitens it, and the EER gain it brings when
// utterances of one speaker vary along a direction that carries no speaker information.
import { describe, expect, it } from 'vitest';
import { equalErrorRate } from '../../../../ml/eval/eer';
import { seededRandom } from '../../../../ml/random';
import { allPairs, scorePairs } from '../../../../ml/models/verifier/evaluate';
import { applyProjection, wccnProjection, withinClassCovariance } from '../../../../ml/models/verifier/wccn';

describe('withinClassCovariance', () => {
  it('averages outer products of speaker-centered embeddings, skipping one-utterance speakers', () => {
    const cov = withinClassCovariance([[1, 0], [3, 0], [0, 1], [0, 3], [9, 9]], ['a', 'a', 'b', 'b', 'c']);
    expect(Array.from(cov)).toEqual([0.5, 0, 0, 0.5]);
    expect(() => withinClassCovariance([[1, 0]], ['a'])).toThrow(/two or more/);
  });
});

describe('wccnProjection', () => {
  it('whitens the shrunk covariance: P (Sw + s·mean(diag)·I) Pᵀ = I', () => {
    const sw = Float64Array.of(4, 1, 1, 2);
    const p = wccnProjection(sw, 2, 0.5);
    const a = [4 + 1.5, 1, 1, 2 + 1.5];
    const pap = [0, 1].flatMap((i) => [0, 1].map((j) => [0, 1].reduce((s, k) => s + [0, 1].reduce((t, l) => t + p[i * 2 + k] * a[k * 2 + l] * p[j * 2 + l], 0), 0)));
    pap.forEach((v, k) => expect(v).toBeCloseTo(k === 0 || k === 3 ? 1 : 0, 5));
    expect(() => wccnProjection(sw, 2, 0)).toThrow(/positive shrinkage/);
  });

  it('lowers the EER when speakers vary most along a direction that says nothing about who is speaking', () => {
    const rand = seededRandom(3);
    const make = (speakers: number, offset: number) => {
      const e: number[][] = [];
      const s: string[] = [];
      for (let k = 0; k < speakers; k++) {
        const centre = [1, Math.cos(k + offset), Math.sin(k + offset)];
        for (let u = 0; u < 6; u++) {
          e.push([centre[0] + 3 * (rand() - 0.5), centre[1] * 0.5 + 0.05 * (rand() - 0.5), centre[2] * 0.5 + 0.05 * (rand() - 0.5)]);
          s.push(`${offset}:${k}`);
        }
      }
      return { e, s };
    };
    const train = make(20, 0.3);
    const test = make(8, 0.05);
    const p = wccnProjection(withinClassCovariance(train.e, train.s), 3, 0.01);
    const before = equalErrorRate(scorePairs(allPairs(test.e, test.s.map((speaker) => ({ speaker, seconds: 1 }))), null)).eer;
    const after = equalErrorRate(scorePairs(allPairs(test.e.map((x) => applyProjection(p, x)), test.s.map((speaker) => ({ speaker, seconds: 1 }))), null)).eer;
    expect(after).toBeLessThan(before / 2);
  });
});

describe('applyProjection', () => {
  it('multiplies and renormalizes', () => {
    expect(Array.from(applyProjection(Float32Array.of(2, 0, 0, 1), [1, 1]))).toEqual([2 / Math.sqrt(5), 1 / Math.sqrt(5)].map(Math.fround));
    expect(() => applyProjection(Float32Array.of(1), [1, 1])).toThrow(/does not fit/);
  });
});
