// Cosine similarity and nearest-centroid speaker classification on vectors with known geometry.
import { describe, expect, it } from 'vitest';
import { cosineSimilarity, cosineToMean, speakerCentroids, speakerClassificationAccuracy } from '../../../ml/eval/similarity';

describe('cosineSimilarity', () => {
  it('is 1, 0 and -1 for parallel, orthogonal and opposite vectors, whatever their length', () => {
    expect(cosineSimilarity([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(cosineSimilarity([1, 0], [0, 5])).toBe(0);
    expect(cosineSimilarity([1, -1], [-3, 3])).toBeCloseTo(-1, 12);
    expect(cosineSimilarity([1, 0], [1, 1])).toBeCloseTo(Math.SQRT1_2, 12);
  });

  it('rejects vectors of different lengths', () => {
    expect(() => cosineSimilarity([1, 2], [1])).toThrow(/one length/);
  });
});

describe('cosineToMean', () => {
  it('compares against the mean of the others, not each one', () => {
    // Mean of (1,0) and (0,1) is (0.5,0.5): at 45° to (1,0), and the same direction as (1,1).
    expect(cosineToMean([1, 0], [[1, 0], [0, 1]])).toBeCloseTo(Math.SQRT1_2, 12);
    expect(cosineToMean([1, 1], [[1, 0], [0, 1]])).toBeCloseTo(1, 12);
    expect(cosineToMean([0, 1], [[3, 0]])).toBe(0);
  });

  it('refuses an empty set of others and mismatched lengths', () => {
    expect(() => cosineToMean([1, 0], [])).toThrow(/at least one other/);
    expect(() => cosineToMean([1, 0], [[1, 0, 0]])).toThrow(/differ in length/);
  });
});

describe('speakerClassificationAccuracy', () => {
  const enroll = [
    { speaker: 'a', embedding: [1, 0.1] },
    { speaker: 'a', embedding: [1, -0.1] },
    { speaker: 'b', embedding: [0, 1] },
  ];

  it('averages enrollment embeddings per speaker', () => {
    expect(Array.from(speakerCentroids(enroll).get('a')!)).toEqual([1, 0]);
  });

  it('counts the share of test embeddings closest to their own speaker', () => {
    const test = [
      { speaker: 'a', embedding: [0.9, 0.2] },
      { speaker: 'b', embedding: [0.1, 0.9] },
      { speaker: 'b', embedding: [1, 0.2] },
      { speaker: 'a', embedding: [0.5, 0.4] },
    ];
    expect(speakerClassificationAccuracy(enroll, test)).toBe(0.75);
  });

  it('refuses test speakers that were never enrolled', () => {
    expect(() => speakerClassificationAccuracy(enroll, [{ speaker: 'c', embedding: [1, 0] }])).toThrow(/no enrollment/);
  });
});
