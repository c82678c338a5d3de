// The watermark's convolutional code: Viterbi recovers the data from noisy soft values with many wrong signs.
// Seeded Gaussian noise, so the error counts are the same on every run.
import { describe, expect, it } from 'vitest';
import { codedLength, convolutionalEncode, viterbiDecode } from '../../../ml/watermark/convolutional';
import { gaussian, seededRandom } from '../../../ml/random';

describe('convolutional code', () => {
  it('encodes to 4 × (bits + 8) coded bits and decodes clean soft values exactly', () => {
    const rand = seededRandom(3);
    const bits = Uint8Array.from({ length: 40 }, () => (rand() < 0.5 ? 1 : 0));
    const coded = convolutionalEncode(bits);
    expect(coded).toHaveLength(codedLength(40));
    expect(codedLength(40)).toBe(192);
    expect(viterbiDecode(Float64Array.from(coded, (c) => 2 * c - 1), 40)).toEqual(bits);
  });

  it('has free distance 24: no input of up to 12 bits gives a zero-terminated codeword of weight under 24', () => {
    let lightest = Infinity;
    for (let length = 1; length <= 12; length++) {
      for (let middle = 0; middle < 2 ** Math.max(0, length - 2); middle++) {
        const bits = Uint8Array.from({ length }, (_, i) => (i === 0 || i === length - 1 ? 1 : (middle >> (i - 1)) & 1));
        lightest = Math.min(lightest, convolutionalEncode(bits).reduce((sum, b) => sum + b, 0));
      }
    }
    expect(lightest).toBe(24);
  });

  it('corrects soft values at −3 dB Es/N0, where about 1 in 6 signs is wrong', () => {
    const rand = seededRandom(11);
    const sigma = Math.sqrt(1 / (2 * 10 ** -0.3));
    let wrongSigns = 0;
    let failures = 0;
    for (let trial = 0; trial < 40; trial++) {
      const bits = Uint8Array.from({ length: 40 }, () => (rand() < 0.5 ? 1 : 0));
      const coded = convolutionalEncode(bits);
      const soft = Float64Array.from(coded, (c) => 2 * c - 1 + sigma * gaussian(rand));
      wrongSigns += soft.filter((v, i) => (v > 0 ? 1 : 0) !== coded[i]).length;
      if (viterbiDecode(soft, 40).some((b, i) => b !== bits[i])) failures++;
    }
    expect(wrongSigns / (40 * 192)).toBeGreaterThan(0.15);
    expect(failures).toBeLessThanOrEqual(2);
  });
});
