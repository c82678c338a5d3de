// Voice-activity detection on real speech (VCC2016, LibriSpeech): finds the reading inside padded silence and noise,
// trims to it, ignores silence, low hiss, clicks and DC offset.
import { describe, expect, it } from 'vitest';
import { speechRegions, speechSeconds, trimSilence } from '../../../ml/audio/vad';
import { VCC_FILE, concat, readMono, whiteNoise } from './fixtures';
import { sharedData } from '../../support/shared-data';

const SR = 16000;

describe('speechRegions', () => {
  it('finds a VCC2016 reading padded with 1.5 s of low noise on each side, and trims to it', async () => {
    const speech = await readMono(sharedData(VCC_FILE));
    const ownRegions = speechRegions(speech);
    const pad = 1.5 * SR;
    const samples = concat(whiteNoise(pad, 0.001, 1), speech.samples, whiteNoise(pad, 0.001, 2));
    for (let i = pad; i < pad + speech.samples.length; i++) samples[i] += whiteNoise(1, 0.001, i)[0];
    const padded = { samples, sampleRate: SR };
    const regions = speechRegions(padded);
    expect(regions.length).toBeGreaterThan(0);
    expect(regions[0].start).toBeGreaterThanOrEqual(1.5);
    expect(regions[0].start).toBeCloseTo(1.5 + ownRegions[0].start, 1);
    expect(regions[regions.length - 1].end).toBeLessThanOrEqual(1.5 + speech.samples.length / SR + 0.01);
    expect(speechSeconds(padded)).toBeCloseTo(speechSeconds(speech), 0);
    expect(speechSeconds(padded)).toBeGreaterThan(2.5);

    const trimmed = trimSilence(padded, 0.1);
    const span = regions[regions.length - 1].end - regions[0].start + 0.2;
    expect(trimmed.samples.length / SR).toBeCloseTo(span, 1);
    expect(trimmed.samples.length / SR).toBeLessThan(speech.samples.length / SR + 0.2);
  });

  it('splits a LibriSpeech reading at its 2.8 s pause', async () => {
    const a = await readMono(sharedData('librispeech-subset/train-clean-100/1034-121119-0000.flac'));
    const regions = speechRegions(a);
    const gaps = regions.slice(1).map((r, i) => r.start - regions[i].end);
    expect(Math.max(...gaps)).toBeGreaterThan(2.5);
    expect(speechSeconds(a)).toBeGreaterThan(3);
  });

  it('finds no speech in digital silence or low hiss, and ignores isolated clicks', () => {
    expect(speechRegions({ samples: new Float32Array(3 * SR), sampleRate: SR })).toEqual([]);
    expect(speechSeconds({ samples: whiteNoise(3 * SR, 0.003, 7), sampleRate: SR })).toBe(0);
    const clicks = new Float32Array(3 * SR);
    for (const at of [0.5, 1.5, 2.5]) clicks[at * SR] = 0.9;
    expect(speechSeconds({ samples: clicks, sampleRate: SR })).toBe(0);
  });

  it('is not fooled by a DC offset', async () => {
    const speech = await readMono(sharedData(VCC_FILE));
    const shifted = speech.samples.map((v) => v + 0.2);
    expect(speechSeconds({ samples: shifted, sampleRate: SR })).toBeCloseTo(speechSeconds(speech), 1);
    expect(speechSeconds({ samples: new Float32Array(SR).fill(0.3), sampleRate: SR })).toBe(0);
  });
});

describe('trimSilence', () => {
  it('returns audio without speech whole, and refuses negative padding', () => {
    const quiet = { samples: new Float32Array(SR), sampleRate: SR };
    expect(trimSilence(quiet).samples.length).toBe(SR);
    expect(() => trimSilence(quiet, -1)).toThrow(/padding/);
  });
});
