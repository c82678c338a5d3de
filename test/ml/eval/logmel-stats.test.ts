// The log-mel statistics baseline: per-band mean and standard deviation on a hand-made spectrogram.
import { describe, expect, it } from 'vitest';
import { logMelStatistics } from '../../../ml/eval/logmel-stats';

describe('logMelStatistics', () => {
  it('returns band means then band standard deviations', () => {
    // Two frames × two bands: band 0 is 1 then 3, band 1 is constant 5.
    const v = logMelStatistics({ frames: 2, nMels: 2, data: new Float32Array([1, 5, 3, 5]) });
    expect(Array.from(v)).toEqual([2, 5, 1, 0]);
  });

  it('refuses an empty log-mel', () => {
    expect(() => logMelStatistics({ frames: 0, nMels: 2, data: new Float32Array(0) })).toThrow(/at least one frame/);
  });
});
