// The waveform outline: per-column min and max, covering every sample once.
import { describe, expect, it } from 'vitest';
import { peaks } from '../../../renderer/audio/peaks';
import { readMono, VCC_FILE } from '../../ml/audio/fixtures';
import { sharedData } from '../../support/shared-data';

describe('peaks', () => {
  it('keeps the extremes of each slice', () => {
    expect(peaks(new Float32Array([0, 1, -1, 0.5, 0.25, -0.375]), 3)).toEqual([
      { min: 0, max: 1 },
      { min: -1, max: 0.5 },
      { min: -0.375, max: 0.25 },
    ]);
  });

  it('spans the whole of a real recording', async () => {
    const speech = await readMono(sharedData(VCC_FILE));
    const cols = peaks(speech.samples, 300);
    expect(cols).toHaveLength(300);
    expect(Math.max(...cols.map((c) => c.max))).toBe(Math.max(...speech.samples));
    expect(Math.min(...cols.map((c) => c.min))).toBe(Math.min(...speech.samples));
  });

  it('gives nothing for no samples', () => {
    expect(peaks(new Float32Array(0), 10)).toEqual([]);
  });
});
