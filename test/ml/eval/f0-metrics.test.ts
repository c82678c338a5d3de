// F0 RMSE and correlation on hand-made tracks: only frames voiced in both count; alignment paths are honored.
import { describe, expect, it } from 'vitest';
import { compareF0 } from '../../../ml/eval/f0-metrics';

describe('compareF0', () => {
  it('is exact for identical tracks', () => {
    const f = [100, 110, 120, 130];
    expect(compareF0(f, f)).toEqual({ rmseHz: 0, correlation: 1, voicedFrames: 4 });
  });

  it('measures a constant 10 Hz offset as RMSE 10 with correlation 1', () => {
    const r = compareF0([100, 120, 140], [110, 130, 150]);
    expect(r.rmseHz).toBeCloseTo(10, 12);
    expect(r.correlation).toBeCloseTo(1, 12);
  });

  it('ignores frames unvoiced (0 or NaN) in either track', () => {
    const r = compareF0([100, 0, 200, 300, NaN], [100, 150, 0, 303, 250]);
    expect(r.voicedFrames).toBe(2);
    expect(r.rmseHz).toBeCloseTo(Math.sqrt(9 / 2), 12);
  });

  it('gives correlation -1 for a mirrored contour', () => {
    expect(compareF0([100, 150, 200], [200, 150, 100]).correlation).toBeCloseTo(-1, 12);
  });

  it('compares along an alignment path when lengths differ', () => {
    const r = compareF0([100, 200], [100, 100, 200], [[0, 0], [0, 1], [1, 2]]);
    expect(r).toEqual({ rmseHz: 0, correlation: 1, voicedFrames: 3 });
    expect(() => compareF0([100, 200], [100, 100, 200])).toThrow(/alignment path/);
    expect(() => compareF0([0, 0], [0, 0])).toThrow(/No frame is voiced/);
  });
});
