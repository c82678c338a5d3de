// Bench progress line: durations, the bar, and an ETA from measured cells only.
import { describe, expect, it } from 'vitest';
import { formatDuration, formatProgress } from '../../../../ml/eval/bench/progress';

describe('formatDuration', () => {
  it('writes seconds, minutes and hours', () => {
    expect(formatDuration(42.4)).toBe('42s');
    expect(formatDuration(75)).toBe('1m15s');
    expect(formatDuration(3725)).toBe('1h02m');
  });
});

describe('formatProgress', () => {
  it('has no ETA before a cell is measured', () => {
    expect(formatProgress({ done: 3, total: 12, measured: 0, measuredSeconds: 0, label: 'x' }, 12)).toBe('[###---------] 3/12  25 % ETA ?  x');
  });

  it('estimates the time left from measured cells (cached ones excluded)', () => {
    // 6 done, 2 of them measured in 20 s → 10 s per cell × 6 left.
    expect(formatProgress({ done: 6, total: 12, measured: 2, measuredSeconds: 20, label: 'SF3 N=5 encode' }, 12)).toBe(
      '[######------] 6/12  50 % ETA 1m00s  SF3 N=5 encode',
    );
  });

  it('shares the time left among the workers measuring side by side', () => {
    expect(formatProgress({ done: 6, total: 12, measured: 2, measuredSeconds: 20, label: 'x', workers: 2 }, 12)).toBe('[######------] 6/12  50 % ETA 30s  x');
  });
});
