// Joins sample arrays end to end: decoded pieces of a file, sentences of a synthesis, segments of a recording.
// One allocation of the total length, each part copied once.

/** The parts one after another in a new array. */
export function concatSamples(parts: readonly Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
