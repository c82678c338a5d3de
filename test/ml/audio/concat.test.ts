// concatSamples: parts end to end in a new array, empty parts and no parts included.
import { describe, expect, it } from 'vitest';
import { concatSamples } from '../../../ml/audio/concat';

describe('concatSamples', () => {
  it('joins the parts in order into a new array', () => {
    const a = Float32Array.from([1, 2]);
    const out = concatSamples([a, new Float32Array(0), Float32Array.from([3])]);
    expect(Array.from(out)).toEqual([1, 2, 3]);
    out[0] = 9;
    expect(a[0]).toBe(1);
  });

  it('gives an empty array for no parts', () => {
    expect(concatSamples([])).toHaveLength(0);
  });
});
