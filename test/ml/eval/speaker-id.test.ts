// Nearest-centroid speaker identification on hand-made embeddings: predictions, accuracy, the confusion matrix, and
// the refusals (a test utterance used as its own reference, a speaker without references, empty input).
import { describe, expect, it } from 'vitest';
import { nearestCentroidSpeakerId, type SpeakerUtterance } from '../../../ml/eval/speaker-id';

const u = (id: string, speaker: string, embedding: number[]): SpeakerUtterance => ({ id, speaker, embedding });

// Speaker a points along x, b along y, c along z; references average to those axes.
const references = [
  u('a1', 'a', [1, 0.2, 0]),
  u('a2', 'a', [1, -0.2, 0]),
  u('b1', 'b', [0, 1, 0.1]),
  u('b2', 'b', [0, 1, -0.1]),
  u('c1', 'c', [0, 0, 1]),
];

describe('nearestCentroidSpeakerId', () => {
  it('assigns each test utterance to the most cosine-similar centroid and counts a confusion matrix', () => {
    const tests = [
      u('a3', 'a', [0.9, 0.1, 0.1]),
      u('a4', 'a', [0.2, 1, 0]), // nearer b: an error
      u('b3', 'b', [0.1, 2, 0]),
      u('c2', 'c', [0, 0.1, 3]),
    ];
    const r = nearestCentroidSpeakerId(references, tests);
    expect(r.labels).toEqual(['a', 'b', 'c']);
    expect(r.predictions.map((p) => p.predicted)).toEqual(['a', 'b', 'b', 'c']);
    expect(r.correct).toBe(3);
    expect(r.accuracy).toBe(0.75);
    expect(r.confusion).toEqual([
      [1, 1, 0],
      [0, 1, 0],
      [0, 0, 1],
    ]);
    // Cosine of [0, 0.1, 3] to the c axis.
    expect(r.predictions[3].cosine).toBeCloseTo(3 / Math.hypot(0.1, 3), 6);
  });

  it('is 1 when every test utterance lies on its own speaker axis, 0 when all are swapped', () => {
    const own = [u('a9', 'a', [2, 0, 0]), u('b9', 'b', [0, 2, 0]), u('c9', 'c', [0, 0, 2])];
    expect(nearestCentroidSpeakerId(references, own).accuracy).toBe(1);
    const swapped = [u('a9', 'a', [0, 2, 0]), u('b9', 'b', [0, 0, 2]), u('c9', 'c', [2, 0, 0])];
    const r = nearestCentroidSpeakerId(references, swapped);
    expect(r.accuracy).toBe(0);
    expect(r.confusion).toEqual([
      [0, 1, 0],
      [0, 0, 1],
      [1, 0, 0],
    ]);
  });

  it('refuses a test utterance that is also a reference, an unenrolled speaker, and empty sets', () => {
    expect(() => nearestCentroidSpeakerId(references, [u('a1', 'a', [1, 0, 0])])).toThrow(/also a reference/);
    expect(() => nearestCentroidSpeakerId(references, [u('d1', 'd', [1, 0, 0])])).toThrow(/no reference utterances/);
    expect(() => nearestCentroidSpeakerId([], [u('a3', 'a', [1, 0, 0])])).toThrow(/needs reference and test/);
    expect(() => nearestCentroidSpeakerId(references, [])).toThrow(/needs reference and test/);
  });
});
