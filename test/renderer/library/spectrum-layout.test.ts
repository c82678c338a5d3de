// Spectrum-match curve: log-frequency x axis inside the margins, 0 dB in the middle, a floor on the dB scale, and the
// one-line description names the largest lift and cut.
import { describe, expect, it } from 'vitest';
import { describeCurve, layoutCurve } from '../../../renderer/library/spectrum-layout';

const points = (path: string) => path.split(/[ML]/).filter((s) => s.trim()).map((s) => s.trim().split(' ').map(Number));

describe('layoutCurve', () => {
  it('spaces bands by log frequency and scales to the largest gain', () => {
    const { path, zeroY, spanDb } = layoutCurve({ hz: [100, 1000, 10000], db: [6, 0, -3] }, 200, 40, 10);
    expect(spanDb).toBe(6);
    expect(zeroY).toBe(20);
    const [[x0, y0], [x1, y1], [x2, y2]] = points(path);
    expect([x0, x1, x2]).toEqual([10, 100, 190]); // a decade is half the width
    expect(y0).toBe(10); // +6 dB: the top margin
    expect(y1).toBe(20);
    expect(y2).toBe(25); // −3 dB: half way down
  });

  it('keeps a nearly flat match flat, and refuses what it cannot draw', () => {
    expect(layoutCurve({ hz: [100, 200], db: [0.5, -0.5] }, 100, 40, 0).spanDb).toBe(3);
    expect(() => layoutCurve({ hz: [100], db: [1] }, 100, 40, 0)).toThrow(/two or more bands/);
    expect(() => layoutCurve({ hz: [0, 100], db: [1, 2] }, 100, 40, 0)).toThrow(/positive frequencies/);
  });
});

describe('describeCurve', () => {
  it('names the largest lift and cut and where they are', () => {
    expect(describeCurve({ hz: [120, 900, 4200], db: [-2.04, 0.3, 4.56] })).toBe('Timbre match: up to +4.6 dB near 4.2 kHz, down to -2.0 dB near 120 Hz.');
  });
});
