// Waveform augmentation for verifier training, so channel changes are not mistaken for speaker changes:
// white or brown noise at a random SNR, random gain, and telephone band-limiting (16 kHz → 8 kHz → 16 kHz).

import { SAMPLE_RATE } from '../../audio/config';
import { addNoise } from '../../audio/noise';
import { resample } from '../../audio/resample';

/** Removes everything above 4 kHz, as a telephone or 8 kHz recording would. */
export function telephoneBand(samples: Float32Array): Float32Array {
  return resample(resample(samples, SAMPLE_RATE, 8000), 8000, SAMPLE_RATE).subarray(0, samples.length);
}

/** Multiplies by a gain in dB, clipping to [-1, 1]. */
export function applyGain(samples: Float32Array, db: number): Float32Array {
  const g = 10 ** (db / 20);
  return samples.map((s) => Math.max(-1, Math.min(1, s * g)));
}

/**
 * One random channel condition: telephone band with probability 0.5, noise (SNR 5–30 dB, white or brown) with
 * probability 0.7, and always a gain of −12…+6 dB.
 */
export function randomChannel(samples: Float32Array, rand: () => number): Float32Array {
  let x = rand() < 0.5 ? telephoneBand(samples) : samples;
  if (rand() < 0.7) x = addNoise(x, 5 + 25 * rand(), rand() < 0.5, rand);
  return applyGain(x, -12 + 18 * rand());
}
