// Level measurements: a full-scale sine reads -3 dBFS, DC offset is ignored per frame, the noise floor of
// speech-plus-hiss lands on the hiss, peak and clipping ratio count what they should.
import { describe, expect, it } from 'vitest';
import { DBFS_FLOOR, clippingRatio, frameLevelsDbfs, noiseFloorDbfs, peakDbfs } from '../../../ml/audio/levels';
import { VCC_FILE, concat, readMono, tone, whiteNoise } from './fixtures';
import { sharedData } from '../../support/shared-data';

describe('levels', () => {
  it('reads a full-scale sine as -3 dBFS in every frame, digital silence as the floor', () => {
    const levels = frameLevelsDbfs({ samples: tone(1000, 16000, 0.5, 1), sampleRate: 16000 });
    expect(levels.length).toBe(49);
    for (const v of levels) expect(v).toBeCloseTo(-3.01, 1);
    expect(frameLevelsDbfs({ samples: new Float32Array(800), sampleRate: 16000 })[0]).toBe(DBFS_FLOOR);
  });

  it('ignores a DC offset', () => {
    const shifted = tone(1000, 16000, 0.2, 0.1).map((v) => v + 0.5);
    expect(frameLevelsDbfs({ samples: shifted, sampleRate: 16000 })[3]).toBeCloseTo(-23.01, 1);
  });

  it('puts the noise floor of speech between hiss at the hiss level', async () => {
    const speech = await readMono(sharedData(VCC_FILE));
    const samples = concat(whiteNoise(16000, 0.001, 3), speech.samples, whiteNoise(16000, 0.001, 4));
    expect(noiseFloorDbfs({ samples, sampleRate: 16000 })).toBeCloseTo(-60, 0);
  });

  it('measures peak and clipping', () => {
    const x = new Float32Array([0, 0.5, -1, 1, 0.25]);
    expect(peakDbfs({ samples: x, sampleRate: 8000 })).toBeCloseTo(0, 5);
    expect(peakDbfs({ samples: new Float32Array(4), sampleRate: 8000 })).toBe(DBFS_FLOOR);
    expect(clippingRatio({ samples: x, sampleRate: 8000 })).toBeCloseTo(0.4, 5);
    expect(clippingRatio({ samples: tone(100, 8000, 1, 0.9), sampleRate: 8000 })).toBe(0);
  });
});
