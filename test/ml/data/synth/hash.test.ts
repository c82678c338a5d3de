// Tests for the hash-based draws: fixed by their key parts, inside their ranges, and spread evenly enough.

import { describe, expect, it } from 'vitest';
import { indexHash, rangeHash, unitHash } from '../../../../ml/data/synth/hash';

describe('hash draws', () => {
  it('depend only on their key parts', () => {
    expect(unitHash('a', 1, 2)).toBe(unitHash('a', 1, 2));
    expect(unitHash('a', 1, 2)).not.toBe(unitHash('a', 2, 1));
  });

  it('stay in range and spread evenly', () => {
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < 5000; i++) {
      const u = unitHash('spread', i);
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
      counts[indexHash(10, 'bucket', i)]++;
      const r = rangeHash(0.88, 1.15, 'range', i);
      expect(r).toBeGreaterThanOrEqual(0.88);
      expect(r).toBeLessThan(1.15);
    }
    for (const c of counts) expect(Math.abs(c - 500)).toBeLessThan(100);
  });
});
