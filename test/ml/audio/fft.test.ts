// Tests for the STFT wrapper over fft.js: agreement with a direct DFT, librosa framing, and exact inversion.
// Uses real VCC2016 speech and synthetic signals.

import { describe, expect, it } from 'vitest';
import { frameCount, hannWindow, istft, RealFft, reflectPad, stft } from '../../../ml/audio/fft';
import { MEL } from '../../../ml/audio/config';
import { readMono, VCC_FILE } from './fixtures';
import { sharedData } from '../../support/shared-data';
import { seededRandom } from '../../../ml/random';

describe('RealFft', () => {
  it('matches a direct DFT and inverts back to the signal', () => {
    const n = 64;
    const rand = seededRandom(3);
    const x = Float64Array.from({ length: n }, () => rand() - 0.5);
    const fft = new RealFft(n);
    const re = new Float64Array(fft.bins);
    const im = new Float64Array(fft.bins);
    fft.forward(x, re, im);
    for (let k = 0; k < fft.bins; k++) {
      let r = 0;
      let i = 0;
      for (let t = 0; t < n; t++) {
        r += x[t] * Math.cos((2 * Math.PI * k * t) / n);
        i -= x[t] * Math.sin((2 * Math.PI * k * t) / n);
      }
      expect(re[k]).toBeCloseTo(r, 10);
      expect(im[k]).toBeCloseTo(i, 10);
    }
    const back = new Float64Array(n);
    fft.inverse(re, im, back);
    for (let t = 0; t < n; t++) expect(back[t]).toBeCloseTo(x[t], 12);
  });

  it('rejects sizes that are not powers of two', () => {
    expect(() => new RealFft(1000)).toThrow(/power of two/);
  });
});

describe('stft / istft', () => {
  it('frames like librosa (center, reflect padding, periodic Hann padded to nFft)', () => {
    expect(frameCount(16000, 200)).toBe(81);
    const w = hannWindow(800, 1024);
    expect(w[111]).toBe(0);
    expect(w[112]).toBe(0);
    expect(w[112 + 400]).toBeCloseTo(1, 12);
    expect(w[912]).toBe(0);
    expect(Array.from(reflectPad(Float32Array.of(1, 2, 3, 4), 2))).toEqual([3, 2, 1, 2, 3, 4, 3, 2]);
  });

  it('inverts the STFT of real speech to within float precision', async () => {
    const audio = await readMono(sharedData(VCC_FILE));
    const spec = stft(audio.samples, MEL);
    expect(spec.frames).toBe(frameCount(audio.samples.length, MEL.hopLength));
    expect(spec.bins).toBe(MEL.nFft / 2 + 1);
    const back = istft(spec, MEL, audio.samples.length);
    let err = 0;
    for (let i = 0; i < back.length; i++) err = Math.max(err, Math.abs(back[i] - audio.samples[i]));
    expect(err).toBeLessThan(1e-5);
  });

  it('puts a sine in the bin of its frequency', () => {
    const f = 1000;
    const x = Float32Array.from({ length: 8000 }, (_, i) => Math.sin((2 * Math.PI * f * i) / 16000));
    const spec = stft(x, MEL);
    const t = 10;
    let best = 0;
    for (let k = 1; k < spec.bins; k++) {
      if (Math.hypot(spec.re[t * spec.bins + k], spec.im[t * spec.bins + k]) > Math.hypot(spec.re[t * spec.bins + best], spec.im[t * spec.bins + best])) best = k;
    }
    expect(best).toBe(Math.round((f * MEL.nFft) / 16000));
  });
});
