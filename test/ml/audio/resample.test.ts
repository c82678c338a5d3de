// Resampler acceptance: a 1 kHz tone keeps its level within 0.1 dB, content above the new Nyquist is removed
// (≥ 60 dB down), lengths follow the ratio, input is left alone; toMono averages channels.
import { describe, expect, it } from 'vitest';
import { isVoiceCloneError } from '../../../ml/errors';
import { resample, toMono } from '../../../ml/audio/resample';
import { rmsDb, tone } from './fixtures';

/** Level of the middle 60 % (away from edge effects) relative to the input tone's RMS, dB. */
function levelChange(freq: number, from: number, to: number): number {
  const x = tone(freq, from, 1);
  const y = resample(x, from, to);
  return rmsDb(y, Math.floor(y.length * 0.2), Math.floor(y.length * 0.8)) - rmsDb(x);
}

describe('resample', () => {
  it.each([
    [44100, 16000],
    [48000, 16000],
    [22050, 16000],
    [96000, 16000],
    [8000, 16000],
    [11025, 16000],
    [16000, 44100],
  ])('keeps a 1 kHz tone within 0.1 dB from %i to %i Hz', (from, to) => {
    expect(Math.abs(levelChange(1000, from, to))).toBeLessThan(0.1);
  });

  it('passes speech-band content up to 90 % of the new Nyquist (7.2 kHz at 16 kHz) within 0.1 dB', () => {
    expect(Math.abs(levelChange(7200, 48000, 16000))).toBeLessThan(0.1);
  });

  it.each([
    [7500, 44100, 8000],
    [12000, 48000, 16000],
    [8500, 48000, 16000],
    [8100, 22050, 16000],
  ])('removes a %i Hz tone going from %i to %i Hz (≥ 60 dB)', (freq, from, to) => {
    expect(levelChange(freq, from, to)).toBeLessThan(-60);
  });

  it('gives round(n × to / from) samples and does not touch its input', () => {
    const x = tone(440, 44100, 1.5);
    const copy = x.slice();
    expect(resample(x, 44100, 16000).length).toBe(24000);
    expect(resample(x.subarray(0, 441), 44100, 16000).length).toBe(160);
    expect(x).toEqual(copy);
  });

  it('returns a copy at equal rates', () => {
    const x = tone(440, 16000, 0.1);
    const y = resample(x, 16000, 16000);
    expect(y).toEqual(x);
    expect(y).not.toBe(x);
  });

  it('refuses rates that are not positive whole numbers', () => {
    for (const rate of [0, -8000, 44100.5, Number.NaN]) {
      let err: unknown;
      try {
        resample(new Float32Array(10), rate, 16000);
      } catch (e) {
        err = e;
      }
      expect(isVoiceCloneError(err) && err.code).toBe('BAD_ARGUMENT');
    }
  });
});

describe('toMono', () => {
  it('averages channels', () => {
    const y = toMono([new Float32Array([1, 0.5, -1]), new Float32Array([0, 0.5, 1])]);
    expect(Array.from(y)).toEqual([0.5, 0.5, 0]);
  });

  it('refuses no channels or channels of different lengths', () => {
    expect(() => toMono([])).toThrow(/zero channels/);
    expect(() => toMono([new Float32Array(3), new Float32Array(2)])).toThrow(/different lengths/);
  });
});
