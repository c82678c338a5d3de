// Deterministic pseudo-random numbers for the synthetic corpus: every draw is a SHA-256 of its key parts, so a
// speaker's voice, a sentence's split and an utterance's text depend only on the seed and their own index.

import { createHash } from 'node:crypto';

/** A number in [0, 1) fixed by `parts` (joined with "|"). */
export function unitHash(...parts: readonly (string | number)[]): number {
  const digest = createHash('sha256').update(parts.join('|')).digest();
  return digest.readUIntBE(0, 6) / 2 ** 48;
}

/** A number in [lo, hi) fixed by `parts`. */
export function rangeHash(lo: number, hi: number, ...parts: readonly (string | number)[]): number {
  return lo + (hi - lo) * unitHash(...parts);
}

/** An integer in [0, n) fixed by `parts`. */
export function indexHash(n: number, ...parts: readonly (string | number)[]): number {
  return Math.min(n - 1, Math.floor(n * unitHash(...parts)));
}
