// Added noise at a chosen signal-to-noise ratio: verifier training augments with it, and the watermark's robustness
// tests and measurements attack marked speech with it.

import { gaussian } from '../random';

/** Adds white or brown (integrated, low-frequency-heavy) noise at `snrDb` relative to the signal's mean power. */
export function addNoise(samples: Float32Array, snrDb: number, brown: boolean, rand: () => number): Float32Array {
  const noise = new Float32Array(samples.length);
  let level = 0;
  for (let i = 0; i < noise.length; i++) {
    const g = gaussian(rand);
    level = brown ? 0.98 * level + g : g;
    noise[i] = level;
  }
  let ps = 0;
  let pn = 0;
  for (let i = 0; i < samples.length; i++) {
    ps += samples[i] * samples[i];
    pn += noise[i] * noise[i];
  }
  const scale = pn === 0 ? 0 : Math.sqrt(ps / pn / 10 ** (snrDb / 10));
  return samples.map((s, i) => s + scale * noise[i]);
}
