// Loudness: active speech level ignores the pauses, normalization hits the target on real speech and never pushes
// the peak above -1 dBFS.
import { describe, expect, it } from 'vitest';
import { peakDbfs } from '../../../ml/audio/levels';
import { activeLevelDbfs, normalizeLoudness } from '../../../ml/audio/loudness';
import { VCC_FILE, concat, readMono, tone } from './fixtures';
import { sharedData } from '../../support/shared-data';

describe('loudness', () => {
  it('measures the level of a tone burst, not of the silence around it', () => {
    const burst = concat(new Float32Array(16000), tone(300, 16000, 1, 0.1), new Float32Array(16000));
    expect(activeLevelDbfs({ samples: burst, sampleRate: 16000 })).toBeCloseTo(-23.0, 0);
  });

  it('normalizes real speech to -23 dBFS, and quieter when the peak would pass -1 dBFS', async () => {
    const speech = await readMono(sharedData(VCC_FILE));
    const quiet = { samples: speech.samples.map((v) => v * 0.05), sampleRate: 16000 };
    const loud = normalizeLoudness(quiet);
    expect(activeLevelDbfs(loud)).toBeCloseTo(-23, 1);
    expect(peakDbfs(loud)).toBeLessThanOrEqual(-1 + 1e-6);

    const hot = normalizeLoudness(quiet, -6);
    expect(peakDbfs(hot)).toBeCloseTo(-1, 3);
    expect(activeLevelDbfs(hot)).toBeLessThan(-6);
  });

  it('leaves digital silence alone and refuses a target at or above -1 dBFS', () => {
    const silence = { samples: new Float32Array(100), sampleRate: 16000 };
    expect(normalizeLoudness(silence).samples).toEqual(silence.samples);
    expect(() => normalizeLoudness(silence, 0)).toThrow(/below -1 dBFS/);
  });
});
