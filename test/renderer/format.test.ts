// How figures read on screen.
import { describe, expect, it } from 'vitest';
import { formatBytes, formatDb, formatPercent, formatSeconds } from '../../renderer/format';

describe('format', () => {
  it('reads durations, sizes, levels and percentages', () => {
    expect(formatSeconds(3.24)).toBe('3.2 s');
    expect(formatSeconds(42)).toBe('42 s');
    expect(formatSeconds(65)).toBe('1 min 05 s');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(3.4 * 1024)).toBe('3.4 KB');
    expect(formatBytes(12 * 1024 * 1024)).toBe('12 MB');
    expect(formatDb(-12.34)).toBe('-12.3 dBFS');
    expect(formatDb(-Infinity)).toBe('-∞ dBFS');
    expect(formatPercent(0.873)).toBe('87 %');
  });
});
