// The level meter's numbers on real speech and on known signals.
import { describe, expect, it } from 'vitest';
import { frameLevels, meterPosition } from '../../../renderer/audio/levels';
import { readMono, tone, VCC_FILE } from '../../ml/audio/fixtures';
import { sharedData } from '../../support/shared-data';

describe('frameLevels', () => {
  it('gives a full-scale sine 0 dBFS peak and -3 dBFS RMS', () => {
    const l = frameLevels(tone(440, 16000, 1, 1));
    expect(l.peakDb).toBeCloseTo(0, 2);
    expect(l.rmsDb).toBeCloseTo(-3.01, 1);
  });

  it('reads silence as -∞ and places it at the bottom of the meter', () => {
    const l = frameLevels(new Float32Array(1024));
    expect(l.rmsDb).toBe(-Infinity);
    expect(meterPosition(l.rmsDb)).toBe(0);
  });

  it('puts real speech between silence and full scale', async () => {
    const speech = await readMono(sharedData(VCC_FILE));
    const l = frameLevels(speech.samples);
    expect(l.rmsDb).toBeLessThan(l.peakDb);
    expect(meterPosition(l.rmsDb)).toBeGreaterThan(0.2);
    expect(meterPosition(l.peakDb)).toBeLessThanOrEqual(1);
  });
});
