// Tests for the 2-D voice map: points along one direction spread on x, and distances between voices are kept
// when the embeddings already lie in a plane.
import { describe, expect, it } from 'vitest';
import { pcaMap } from '../../../ml/cloning/voice-map';

describe('pcaMap', () => {
  it('puts a single voice at the origin', () => {
    expect(pcaMap([{ id: 'a', embedding: new Float32Array([1, 2, 3]) }])).toEqual([{ id: 'a', x: 0, y: 0 }]);
  });

  it('keeps pairwise distances of embeddings that lie in a plane', () => {
    const pts = [
      [0, 0],
      [3, 0],
      [0, 4],
      [2, 2],
    ];
    const inputs = pts.map(([a, b], i) => ({ id: `v${i}`, embedding: new Float32Array([a, b, a + b, a - b, 0]) }));
    const map = pcaMap(inputs);
    const dist = (p: ArrayLike<number>, q: ArrayLike<number>) => Math.hypot(...Array.from(p, (x, k) => x - q[k]));
    for (let i = 0; i < inputs.length; i++) {
      for (let j = 0; j < i; j++) {
        expect(dist([map[i].x, map[i].y], [map[j].x, map[j].y])).toBeCloseTo(dist(inputs[i].embedding, inputs[j].embedding), 4);
      }
    }
  });
});
