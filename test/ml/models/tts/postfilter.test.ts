// The synthesis mel postfilter: per-band contrast scaled around the band's utterance mean, means kept, bad factors refused.
import { describe, expect, it } from 'vitest';
import { sharpenMel } from '../../../../ml/models/tts/postfilter';

const mel = { frames: 3, nMels: 2, data: Float32Array.from([0, 10, 1, 12, 2, 14]) };

describe('sharpenMel', () => {
  it('scales each band around its own mean and keeps the mean', () => {
    const out = sharpenMel(mel, 1.5);
    // Band 0: mean 1, values 0 1 2 → -0.5 1 2.5. Band 1: mean 12, values 10 12 14 → 9 12 15.
    expect(Array.from(out.data)).toEqual([-0.5, 9, 1, 12, 2.5, 15]);
    expect([out.frames, out.nMels]).toEqual([3, 2]);
  });

  it('leaves the input alone, and gives an equal copy with factor 1', () => {
    const before = Array.from(mel.data);
    const out = sharpenMel(mel, 1);
    expect(Array.from(out.data)).toEqual(before);
    expect(out.data).not.toBe(mel.data);
    sharpenMel(mel, 2);
    expect(Array.from(mel.data)).toEqual(before);
  });

  it('refuses factors outside 1 to 3', () => {
    expect(() => sharpenMel(mel, 0.5)).toThrow(/from 1 to 3/);
    expect(() => sharpenMel(mel, Number.NaN)).toThrow(/from 1 to 3/);
  });
});
