// The watermark's error-correcting code: a rate-1/4, constraint-length-9 convolutional code (generators 463, 535, 733,
// 745 octal; free distance 24; zero-terminated) and its soft-decision Viterbi decoder. No maintained npm package has one.

/** Constraint length: each group of outputs depends on the input bit and the 8 before it. */
const CONSTRAINT = 9;
const STATES = 1 << (CONSTRAINT - 1);
const GENERATORS = [0o463, 0o535, 0o733, 0o745] as const;
/** Coded bits per input bit. */
const OUTPUTS = GENERATORS.length;

function parity(x: number): number {
  let p = 0;
  for (let v = x; v !== 0; v &= v - 1) p ^= 1;
  return p;
}

/** Coded bits for `inputBits` data bits (with the 8 zero tail bits that return the encoder to state 0). */
export function codedLength(inputBits: number): number {
  return OUTPUTS * (inputBits + CONSTRAINT - 1);
}

/** [reg · OUTPUTS + j]: coded bit j (0/1) for register contents `reg` (newest bit in bit 8). */
const CODED = Uint8Array.from({ length: (1 << CONSTRAINT) * OUTPUTS }, (_, i) =>
  parity(Math.floor(i / OUTPUTS) & GENERATORS[i % OUTPUTS]),
);

/** Encodes 0/1 bits, appending the tail. */
export function convolutionalEncode(bits: Uint8Array): Uint8Array {
  const out = new Uint8Array(codedLength(bits.length));
  let state = 0;
  const input = [...bits, ...new Array<number>(CONSTRAINT - 1).fill(0)];
  input.forEach((b, i) => {
    const reg = (b << (CONSTRAINT - 1)) | state;
    out.set(CODED.subarray(reg * OUTPUTS, (reg + 1) * OUTPUTS), OUTPUTS * i);
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
  const from = new Uint16Array(steps * STATES);
  const bitIn = new Uint8Array(steps * STATES);
  for (let i = 0; i < steps; i++) {
    const next = new Float64Array(STATES).fill(-Infinity);
    const maxBit = i < inputBits ? 1 : 0;
    for (let s = 0; s < STATES; s++) {
      if (metric[s] === -Infinity) continue;
      for (let b = 0; b <= maxBit; b++) {
        const reg = (b << (CONSTRAINT - 1)) | s;
        let m = metric[s];
        for (let j = 0; j < OUTPUTS; j++) m += (2 * CODED[reg * OUTPUTS + j] - 1) * soft[OUTPUTS * i + j];
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
