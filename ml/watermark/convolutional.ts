// The watermark's error-correcting code: the standard rate-1/2, constraint-length-7 convolutional code (generators
// 133 and 171 octal, zero-terminated) and its soft-decision Viterbi decoder. No maintained npm package provides one.

/** Constraint length: each output pair depends on the input bit and the 6 before it. */
const CONSTRAINT = 7;
const STATES = 1 << (CONSTRAINT - 1);
const GENERATORS = [0o133, 0o171] as const;

function parity(x: number): number {
  let p = 0;
  for (let v = x; v !== 0; v &= v - 1) p ^= 1;
  return p;
}

/** Coded bits for `inputBits` data bits (with the 6 zero tail bits that return the encoder to state 0). */
export function codedLength(inputBits: number): number {
  return 2 * (inputBits + CONSTRAINT - 1);
}

/** Output pair for register contents `reg` (newest bit in bit 6). */
function outputs(reg: number): [number, number] {
  return [parity(reg & GENERATORS[0]), parity(reg & GENERATORS[1])];
}

/** Encodes 0/1 bits, appending the tail. */
export function convolutionalEncode(bits: Uint8Array): Uint8Array {
  const out = new Uint8Array(codedLength(bits.length));
  let state = 0;
  const input = [...bits, ...new Array<number>(CONSTRAINT - 1).fill(0)];
  input.forEach((b, i) => {
    const reg = (b << (CONSTRAINT - 1)) | state;
    [out[2 * i], out[2 * i + 1]] = outputs(reg);
    state = reg >> 1;
  });
  return out;
}

/**
 * Most likely data bits given one soft value per coded bit (positive: a 1 is more likely, negative: a 0, scaled by
 * reliability). Maximizes the correlation between the soft values and the ±1 code symbols over zero-terminated paths.
 */
export function viterbiDecode(soft: Float64Array, inputBits: number): Uint8Array {
  const steps = inputBits + CONSTRAINT - 1;
  let metric = new Float64Array(STATES).fill(-Infinity);
  metric[0] = 0;
  const from = new Uint8Array(steps * STATES);
  const bitIn = new Uint8Array(steps * STATES);
  for (let i = 0; i < steps; i++) {
    const next = new Float64Array(STATES).fill(-Infinity);
    const maxBit = i < inputBits ? 1 : 0;
    for (let s = 0; s < STATES; s++) {
      if (metric[s] === -Infinity) continue;
      for (let b = 0; b <= maxBit; b++) {
        const reg = (b << (CONSTRAINT - 1)) | s;
        const [o0, o1] = outputs(reg);
        const m = metric[s] + (2 * o0 - 1) * soft[2 * i] + (2 * o1 - 1) * soft[2 * i + 1];
        const ns = reg >> 1;
        if (m > next[ns]) {
          next[ns] = m;
          from[i * STATES + ns] = s;
          bitIn[i * STATES + ns] = b;
        }
      }
    }
    metric = next;
  }
  const bits = new Uint8Array(steps);
  let state = 0;
  for (let i = steps - 1; i >= 0; i--) {
    bits[i] = bitIn[i * STATES + state];
    state = from[i * STATES + state];
  }
  return bits.slice(0, inputBits);
}
