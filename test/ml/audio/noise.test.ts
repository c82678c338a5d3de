// Added noise: white and brown noise land at the requested SNR, and the same seed draws the same noise.
import { describe, expect, it } from 'vitest';
import { addNoise } from '../../../ml/audio/noise';
import { seededRandom } from '../../../ml/random';
import { tone } from './fixtures';

const power = (x: Float32Array) => x.reduce((s, v) => s + v * v, 0) / x.length;

describe('addNoise', () => {
  it('adds white and brown noise at the requested SNR', () => {
    const clean = tone(440, 16000, 0.5, 0.3);
    for (const snr of [10, 20]) {
      for (const brown of [false, true]) {
        const noisy = addNoise(clean, snr, brown, seededRandom(1));
        const noise = noisy.map((v, i) => v - clean[i]);
        expect(10 * Math.log10(power(clean) / power(noise))).toBeCloseTo(snr, 3);
      }
    }
  });

  it('draws the same noise for the same seed and different noise for another', () => {
    const clean = tone(440, 16000, 0.25);
    expect(addNoise(clean, 20, false, seededRandom(3))).toEqual(addNoise(clean, 20, false, seededRandom(3)));
    expect(addNoise(clean, 20, false, seededRandom(3))).not.toEqual(addNoise(clean, 20, false, seededRandom(4)));
  });
});
