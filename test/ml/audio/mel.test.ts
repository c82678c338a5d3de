// Tests for the plain-JS log-mel: Slaney mel scale, filterbank normalization and coverage, frame layout on real
// VCC2016 speech, where a tone lands, the silence floor, and input validation.

import { describe, expect, it } from 'vitest';
import { MEL } from '../../../ml/audio/config';
import { hzToMel, logMel, melFilterbank, melToHz } from '../../../ml/audio/mel';
import { readMono, tone, VCC_FILE } from './fixtures';
import { sharedData } from '../../support/shared-data';

const BINS = MEL.nFft / 2 + 1;
const BIN_HZ = MEL.sampleRate / MEL.nFft;

/** Band edges in Hz: nMels + 2 points evenly spaced in mel between fMin and fMax. */
function edges(): number[] {
  const lo = hzToMel(MEL.fMin);
  const hi = hzToMel(MEL.fMax);
  return Array.from({ length: MEL.nMels + 2 }, (_, i) => melToHz(lo + ((hi - lo) * i) / (MEL.nMels + 1)));
}

describe('Slaney mel scale', () => {
  it('is linear to 1 kHz and logarithmic above (librosa htk=False values)', () => {
    expect(hzToMel(1000)).toBeCloseTo(15, 10);
    expect(hzToMel(6400)).toBeCloseTo(42, 10);
    expect(hzToMel(200)).toBeCloseTo(3, 10);
    for (const hz of [55, 440, 1000, 3000, 7600]) expect(melToHz(hzToMel(hz))).toBeCloseTo(hz, 8);
  });
});

describe('melFilterbank', () => {
  const fb = melFilterbank();
  const e = edges();

  it('has nMels rows of nFft/2 + 1 non-negative weights, zero outside fMin–fMax', () => {
    expect(fb.length).toBe(MEL.nMels * BINS);
    expect(Math.min(...fb)).toBe(0);
    let outside = 0;
    for (let k = 0; k < BINS; k++) {
      const hz = k * BIN_HZ;
      if (hz <= MEL.fMin || hz >= MEL.fMax) for (let m = 0; m < MEL.nMels; m++) outside += fb[m * BINS + k];
    }
    expect(outside).toBe(0);
  });

  it('normalizes each triangle to unit area in Hz (Slaney norm)', () => {
    for (let m = 0; m < MEL.nMels; m++) {
      let area = 0;
      for (let k = 0; k < BINS; k++) area += fb[m * BINS + k] * BIN_HZ;
      // Narrow low bands are sampled by only a few bins, so their discrete area is looser.
      const tolerance = e[m + 2] - e[m] > 8 * BIN_HZ ? 0.02 : 0.2;
      expect(Math.abs(area - 1), `band ${m}`).toBeLessThan(tolerance);
    }
  });

  it('un-normalized triangles sum to 1 between the first and last band centers', () => {
    for (let k = 0; k < BINS; k++) {
      const hz = k * BIN_HZ;
      if (hz < e[1] || hz > e[MEL.nMels]) continue;
      let sum = 0;
      for (let m = 0; m < MEL.nMels; m++) sum += (fb[m * BINS + k] * (e[m + 2] - e[m])) / 2;
      expect(sum).toBeCloseTo(1, 4);
    }
  });
});

describe('logMel', () => {
  it('gives 1 + floor(samples / hop) frames of nMels values for real speech', async () => {
    const audio = await readMono(sharedData(VCC_FILE));
    const m = logMel(audio);
    expect(m.nMels).toBe(80);
    expect(m.frames).toBe(1 + Math.floor(audio.samples.length / MEL.hopLength));
    expect(m.data.length).toBe(m.frames * 80);
    const floor = Math.log(MEL.logFloor);
    let min = Infinity;
    let max = -Infinity;
    for (const v of m.data) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    expect(min).toBeGreaterThanOrEqual(floor);
    // Speech peaks sit far above the floor.
    expect(max - floor).toBeGreaterThan(8);
  });

  it('puts a 1 kHz tone in the band centered nearest 1 kHz', () => {
    const m = logMel({ samples: tone(1000, MEL.sampleRate, 1), sampleRate: MEL.sampleRate });
    const e = edges();
    const expected = e.slice(1, -1).reduce((best, c, i, centers) => (Math.abs(c - 1000) < Math.abs(centers[best] - 1000) ? i : best), 0);
    const t = Math.floor(m.frames / 2);
    const row = Array.from(m.data.subarray(t * 80, t * 80 + 80));
    expect(row.indexOf(Math.max(...row))).toBe(expected);
  });

  it('maps digital silence to the log floor', () => {
    const m = logMel({ samples: new Float32Array(4000), sampleRate: MEL.sampleRate });
    expect(Math.min(...m.data)).toBeCloseTo(Math.log(MEL.logFloor), 6);
    expect(Math.max(...m.data)).toBeCloseTo(Math.log(MEL.logFloor), 6);
  });

  it('rejects audio at another sample rate and audio too short for one frame', () => {
    expect(() => logMel({ samples: tone(440, 22050, 0.5), sampleRate: 22050 })).toThrow(expect.objectContaining({ code: 'BAD_ARGUMENT' }));
    expect(() => logMel({ samples: new Float32Array(100), sampleRate: MEL.sampleRate })).toThrow(expect.objectContaining({ code: 'TOO_SHORT' }));
    expect(() => logMel({ samples: Float32Array.of(...new Array(1000).fill(0), NaN), sampleRate: MEL.sampleRate })).toThrow(
      expect.objectContaining({ code: 'INVALID_SAMPLES' }),
    );
  });
});
