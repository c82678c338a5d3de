// Training augmentation: the telephone band removes energy above 4 kHz, gain clips, random channels repeat by seed.
import { describe, expect, it } from 'vitest';
import { SAMPLE_RATE } from '../../../../ml/audio/config';
import { stftMagnitude } from '../../../../ml/audio/fft';
import { addNoise } from '../../../../ml/audio/noise';
import { seededRandom } from '../../../../ml/random';
import { applyGain, randomChannel, telephoneBand } from '../../../../ml/models/verifier/augment';

const tone = (hz: number, seconds = 0.5) => Float32Array.from({ length: seconds * SAMPLE_RATE }, (_, i) => 0.3 * Math.sin((2 * Math.PI * hz * i) / SAMPLE_RATE));
const power = (x: Float32Array) => x.reduce((s, v) => s + v * v, 0) / x.length;

describe('verifier augmentation', () => {
  it('keeps speech-band tones and removes tones above 4 kHz in the telephone band', () => {
    const keep = telephoneBand(tone(1000));
    const drop = telephoneBand(tone(6000));
    expect(keep.length).toBe(tone(1000).length);
    expect(power(keep) / power(tone(1000))).toBeGreaterThan(0.9);
    expect(power(drop) / power(tone(6000))).toBeLessThan(1e-4);
    const spec = stftMagnitude(telephoneBand(addNoise(tone(440), 0, false, seededRandom(2))), { nFft: 512, winLength: 512, hopLength: 256 });
    const highBins = (k: number) => k > (4200 / SAMPLE_RATE) * 512;
    let high = 0;
    let all = 0;
    for (let i = 0; i < spec.data.length; i++) {
      all += spec.data[i] ** 2;
      if (highBins(i % spec.bins)) high += spec.data[i] ** 2;
    }
    expect(high / all).toBeLessThan(1e-4);
  });

  it('applies gain in dB with clipping, and repeats random channels for the same seed', () => {
    expect(applyGain(Float32Array.of(0.1, 0.9), 20 * Math.log10(2))[0]).toBeCloseTo(0.2, 6);
    expect(applyGain(Float32Array.of(0.9), 6)[0]).toBe(1);
    const x = tone(300);
    expect(randomChannel(x, seededRandom(7))).toEqual(randomChannel(x, seededRandom(7)));
    expect(randomChannel(x, seededRandom(7))).not.toEqual(randomChannel(x, seededRandom(8)));
  });
});
