// Mel-cepstral distortion with DTW: zero for identical or time-shifted copies, the closed form for a known offset.
import { describe, expect, it } from 'vitest';
import { frameDistortion, mcdDtw, mcdFromAudio, melCepstra, MCD_ORDER } from '../../../ml/eval/mcd';
import { SAMPLE_RATE } from '../../../ml/audio/config';

function chirp(seconds: number, f0: number, f1: number, delay = 0): Float32Array {
  const n = Math.round(seconds * SAMPLE_RATE);
  const out = new Float32Array(n + delay);
  let phase = 0;
  for (let i = 0; i < n; i++) {
    const f = f0 + ((f1 - f0) * i) / n;
    phase += (2 * Math.PI * f) / SAMPLE_RATE;
    out[delay + i] = 0.3 * Math.sin(phase) + 0.1 * Math.sin(3 * phase);
  }
  return out;
}

describe('mcdDtw', () => {
  const seq = Array.from({ length: 20 }, (_, t) => Float64Array.from({ length: MCD_ORDER }, (_, k) => Math.sin(t * 0.3 + k)));

  it('is 0 dB for identical sequences', () => {
    expect(mcdDtw(seq, seq).mcd).toBe(0);
  });

  it('is 0 dB for a copy with repeated frames (a time-stretched version)', () => {
    const stretched = seq.flatMap((f, t) => (t % 3 === 0 ? [f, f] : [f]));
    const r = mcdDtw(seq, stretched);
    expect(r.mcd).toBe(0);
    expect(r.path.length).toBe(stretched.length);
  });

  it('equals (10/ln10)·sqrt(2·order·δ²) for a constant offset δ on every coefficient', () => {
    const delta = 0.1;
    const shifted = seq.map((f) => f.map((v) => v + delta));
    const expected = (10 / Math.LN10) * Math.sqrt(2 * MCD_ORDER * delta * delta);
    expect(mcdDtw(seq, shifted).mcd).toBeCloseTo(expected, 9);
    expect(frameDistortion(seq[0], shifted[0])).toBeCloseTo(expected, 9);
  });
});

describe('mcdFromAudio', () => {
  it('is 0 for the same audio, small for a delayed copy, and large for a different sound', () => {
    const a = { samples: chirp(1, 200, 800), sampleRate: SAMPLE_RATE };
    const delayed = { samples: chirp(1, 200, 800, 1600), sampleRate: SAMPLE_RATE };
    const other = { samples: chirp(1, 2000, 3000), sampleRate: SAMPLE_RATE };
    expect(mcdFromAudio(a, a).mcd).toBe(0);
    const shifted = mcdFromAudio(a, delayed).mcd;
    const different = mcdFromAudio(a, other).mcd;
    expect(shifted).toBeLessThan(different / 3);
  });

  it('computes order cepstra per log-mel frame and validates the order', () => {
    const mel = { frames: 2, nMels: 4, data: new Float32Array([1, 1, 1, 1, 0, 1, 2, 3]) };
    const c = melCepstra(mel, 2);
    expect(c).toHaveLength(2);
    expect(c[0][0]).toBeCloseTo(0, 12); // a flat spectrum has no cepstral shape
    expect(Math.abs(c[1][0])).toBeGreaterThan(1);
    expect(() => melCepstra(mel, 4)).toThrow(/order/);
  });
});
