// Tests for the meyda-based MFCC and spectral descriptors: known values on tones and white noise, frame layout,
// and MFCC c0 following frame energy on real VCC2016 speech.

import { describe, expect, it } from 'vitest';
import { mfcc, MFCC_COEFFICIENTS, spectralDescriptors } from '../../../ml/audio/features';
import { logMel } from '../../../ml/audio/mel';
import { readMono, tone, VCC_FILE, whiteNoise } from './fixtures';
import { sharedData } from '../../support/shared-data';

const SR = 16000;

function correlation(a: number[], b: number[]): number {
  const mean = (x: number[]): number => x.reduce((s, v) => s + v, 0) / x.length;
  const [ma, mb] = [mean(a), mean(b)];
  let [ab, aa, bb] = [0, 0, 0];
  for (let i = 0; i < a.length; i++) {
    ab += (a[i] - ma) * (b[i] - mb);
    aa += (a[i] - ma) ** 2;
    bb += (b[i] - mb) ** 2;
  }
  return ab / Math.sqrt(aa * bb);
}

describe('spectralDescriptors', () => {
  it('measures a 1 kHz sine: centroid and rolloff near 1 kHz, tonal, 2000 crossings/s, windowed RMS', () => {
    const d = spectralDescriptors({ samples: tone(1000, SR, 1, 0.5), sampleRate: SR });
    expect(d.frames).toBe(1 + SR / 200);
    expect(d.hopSeconds).toBeCloseTo(0.0125, 10);
    expect(Math.abs(d.means.centroid - 1000)).toBeLessThan(50);
    expect(d.means.flatness).toBeLessThan(0.05);
    expect(Math.abs(d.means.zcr - 2000) / 2000).toBeLessThan(0.02);
    // RMS of a Hann-windowed sine: 0.5 / √2 · √(3/8).
    expect(Math.abs(d.means.rms - (0.5 / Math.SQRT2) * Math.sqrt(3 / 8)) / 0.2165).toBeLessThan(0.03);
    expect(d.means.rolloff).toBeLessThan(2000);
  });

  it('measures white noise: flat, centroid near a quarter of the sample rate, rolloff near Nyquist', () => {
    const d = spectralDescriptors({ samples: whiteNoise(SR, 0.1, 9), sampleRate: SR });
    expect(d.means.flatness).toBeGreaterThan(0.5);
    expect(Math.abs(d.means.centroid - SR / 4)).toBeLessThan(300);
    expect(d.means.rolloff).toBeGreaterThan(7000);
    expect(d.means.zcr).toBeGreaterThan(6000);
  });

  it('gives zeros for silent frames and leaves them out of the means', () => {
    const samples = new Float32Array(2 * SR);
    samples.set(tone(500, SR, 1), SR);
    const d = spectralDescriptors({ samples, sampleRate: SR });
    expect(d.centroid[5]).toBe(0);
    expect(d.rms[5]).toBe(0);
    expect(Math.abs(d.means.centroid - 500)).toBeLessThan(60);
  });

  it('rejects audio at another sample rate', () => {
    expect(() => spectralDescriptors({ samples: tone(500, 8000, 1), sampleRate: 8000 })).toThrow(expect.objectContaining({ code: 'BAD_ARGUMENT' }));
  });
});

describe('mfcc', () => {
  it('gives 13 finite coefficients per log-mel frame on real speech, c0 tracking the mean log-mel level', async () => {
    const audio = await readMono(sharedData(VCC_FILE));
    const m = mfcc(audio);
    const mel = logMel(audio);
    expect(m.coefficients).toBe(MFCC_COEFFICIENTS);
    expect(m.frames).toBe(mel.frames);
    expect(m.data.length).toBe(m.frames * 13);
    expect(m.data.every(Number.isFinite)).toBe(true);
    // c0 is the sum of the log band energies: it must rise and fall with the log-mel level of the same frame.
    const c0 = Array.from({ length: m.frames }, (_, t) => m.data[t * 13]);
    const level = Array.from({ length: m.frames }, (_, t) => mel.data.subarray(t * 80, t * 80 + 80).reduce((s, v) => s + v, 0) / 80);
    expect(correlation(c0, level)).toBeGreaterThan(0.95);
  });

  it('separates a tone from noise in the cepstrum', () => {
    const a = mfcc({ samples: tone(300, SR, 0.5), sampleRate: SR });
    const b = mfcc({ samples: whiteNoise(SR / 2, 0.1, 2), sampleRate: SR });
    const mid = Math.floor(a.frames / 2) * 13;
    let dist = 0;
    for (let i = 1; i < 13; i++) dist += (a.data[mid + i] - b.data[mid + i]) ** 2;
    expect(Math.sqrt(dist)).toBeGreaterThan(1);
  });
});
