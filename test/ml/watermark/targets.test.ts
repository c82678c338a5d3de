// The embedder's choice of moves: every cell reaches its lattice point when the budget allows, the energy stays within a
// binding budget, cells a reading under the design noise cannot trust get none, and the design noise is white noise's.
import { describe, expect, it } from 'vitest';
import { stft } from '../../../ml/audio/fft';
import { addNoise } from '../../../ml/audio/noise';
import { gaussian, seededRandom } from '../../../ml/random';
import { BAND, designNoisePerBin, DESIGN_SNR_DB, expectedCosine, type PatchSums, patchSums, QUANTIZER_STEP, STFT } from '../../../ml/watermark/layout';
import { cellTargets, moveEnergy } from '../../../ml/watermark/targets';
import { readMono } from '../audio/fixtures';
import { sharedData } from '../../support/shared-data';

const chips = (n: number) => Int8Array.from({ length: n }, (_, i) => (i % 3 === 0 ? -1 : 1));

/** Energy the targets add, computed the way the embedder moves a cell (power-keeping gains on its two halves). */
function addedEnergy(sums: PatchSums, targets: Map<number, number>): number {
  let energy = 0;
  for (const [at, target] of targets) energy += moveEnergy(target - Math.log(sums.lower[at] / sums.upper[at]), sums.lowerPower[at], sums.upperPower[at]);
  return energy;
}

describe('watermark targets', async () => {
  const speech = await readMono(sharedData('vcc2016/eval/SF1/200005.flac'));
  const spec = stft(speech.samples, STFT);
  const sums = patchSums(spec);
  const noise = designNoisePerBin(speech.samples);

  it('moves every non-silent cell onto a lattice point when the budget allows it', () => {
    const targets = cellTargets(sums, chips(5000), noise, Infinity);
    expect(targets.size).toBeGreaterThan(100);
    for (const [at, target] of targets) {
      const ratio = Math.log(sums.lower[at] / sums.upper[at]);
      expect(Math.abs(target - ratio)).toBeLessThanOrEqual(QUANTIZER_STEP / 2 + 1e-9);
    }
  });

  it('keeps the added energy within a binding budget and spends none on cells the design noise drowns', () => {
    const unlimited = addedEnergy(sums, cellTargets(sums, chips(5000), noise, Infinity));
    const budget = unlimited / 10;
    const targets = cellTargets(sums, chips(5000), noise, budget);
    expect(addedEnergy(sums, targets)).toBeLessThanOrEqual(budget * 1.0001);
    expect(addedEnergy(sums, targets)).toBeGreaterThan(budget * 0.9);
    let drowned = 0;
    for (const [at, target] of targets) {
      if (expectedCosine(noise, sums.lower[at], sums.upper[at]) > 1e-6) continue;
      drowned++;
      expect(target).toBeCloseTo(Math.log(sums.lower[at] / sums.upper[at]), 12);
    }
    expect(drowned).toBeGreaterThan(0);
  });

  it('takes the design noise as white noise DESIGN_SNR_DB under the audio, per STFT bin of the band', () => {
    const rand = seededRandom(5);
    const tone = Float32Array.from({ length: 48000 }, (_, i) => 0.3 * Math.sin(i / 7) + 0.01 * gaussian(rand));
    const noisy = addNoise(tone, DESIGN_SNR_DB, false, seededRandom(6));
    const onlyNoise = noisy.map((v, i) => v - tone[i]);
    const s = stft(onlyNoise, STFT);
    let power = 0;
    let count = 0;
    for (let f = 2; f < s.frames - 2; f++) {
      for (let k = BAND.lo; k < BAND.hi; k++) {
        power += s.re[f * s.bins + k] ** 2 + s.im[f * s.bins + k] ** 2;
        count++;
      }
    }
    expect(designNoisePerBin(tone) / (power / count)).toBeCloseTo(1, 1);
  });
});
