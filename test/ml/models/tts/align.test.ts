// Tests for the flat-start forced aligner: on utterances built from known per-phoneme spectra with known durations,
// Viterbi EM from a uniform start must recover the durations.
import { describe, expect, it } from 'vitest';
import { alignDurations, uniformDurations, type AlignInput } from '../../../../ml/models/tts/align';
import { MEL } from '../../../../ml/audio/config';
import { gaussian, seededRandom } from '../../../../ml/random';

describe('uniformDurations', () => {
  it('splits frames evenly, each token at least one frame', () => {
    expect(Array.from(uniformDurations(3, 10))).toEqual([3, 3, 4]);
    expect(uniformDurations(7, 50).reduce((a, b) => a + b, 0)).toBe(50);
  });
});

describe('alignDurations', () => {
  it('recovers the true durations of synthetic utterances within one frame', () => {
    const rand = seededRandom(3);
    const n = MEL.nMels;
    const phones = 6;
    const spectra = Array.from({ length: phones }, () => Float32Array.from({ length: n }, () => 3 * gaussian(rand)));
    const inputs: AlignInput[] = [];
    const truth: number[][] = [];
    for (let u = 0; u < 40; u++) {
      // Neighbours differ: two equal phonemes in a row have no boundary to find.
      const ids = new Int32Array(8);
      for (let i = 0; i < ids.length; i++) {
        do ids[i] = 10 + Math.floor(rand() * phones);
        while (i > 0 && ids[i] === ids[i - 1]);
      }
      const durs = Array.from(ids, () => 2 + Math.floor(rand() * 12));
      const frames = durs.reduce((a, b) => a + b, 0);
      const mel = new Float32Array(frames * n);
      let t = 0;
      durs.forEach((d, i) => {
        for (let f = 0; f < d; f++, t++) for (let k = 0; k < n; k++) mel[t * n + k] = spectra[ids[i] - 10][k] + 0.5 * gaussian(rand);
      });
      inputs.push({ ids, frames, mel });
      truth.push(durs);
    }
    const found = alignDurations(inputs, 6);
    let off = 0;
    let total = 0;
    found.forEach((d, u) => {
      expect(d.reduce((a, b) => a + b, 0)).toBe(inputs[u].frames);
      d.forEach((x, i) => {
        off += Math.abs(x - truth[u][i]);
        total++;
      });
    });
    expect(off / total).toBeLessThan(0.5);
  });
});
