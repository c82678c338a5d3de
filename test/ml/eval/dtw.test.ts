// Dynamic time warping on sequences whose best alignment is known by construction.
import { describe, expect, it } from 'vitest';
import { dtw } from '../../../ml/eval/dtw';

const abs = (x: number, y: number) => Math.abs(x - y);

describe('dtw', () => {
  it('aligns identical sequences on the diagonal at zero cost', () => {
    const r = dtw([1, 2, 3, 4], [1, 2, 3, 4], abs);
    expect(r.cost).toBe(0);
    expect(r.path).toEqual([[0, 0], [1, 1], [2, 2], [3, 3]]);
  });

  it('absorbs a repeated frame at zero cost', () => {
    const r = dtw([1, 2, 3], [1, 2, 2, 3], abs);
    expect(r.cost).toBe(0);
    expect(r.path).toEqual([[0, 0], [1, 1], [1, 2], [2, 3]]);
  });

  it('pays the unavoidable mismatch', () => {
    expect(dtw([0, 0], [1, 1], abs).cost).toBe(2);
  });

  it('rejects an empty sequence', () => {
    expect(() => dtw([], [1], abs)).toThrow(/non-empty/);
  });
});
