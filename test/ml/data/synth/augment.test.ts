// Tests for speaker augmentation on real flite speech: pitch moves F0 not formants, vocal-tract-length warping moves
// formants (spectral centroid) not F0, rate changes the length, output repeats exactly and stays intelligible.

import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeAudioFile } from '../../../../ml/audio/decode';
import { medianF0 } from '../../../../ml/audio/f0';
import { stftMagnitude } from '../../../../ml/audio/fft';
import type { MonoAudio } from '../../../../ml/audio/types';
import { recognize } from '../../../../ml/eval/asr';
import { wordErrorRate } from '../../../../ml/eval/wer';
import { augmentWav, scaleSegments, type VoiceAugmentation } from '../../../../ml/data/synth/augment';
import { synthesize } from '../../../../ml/data/synth/engines';

const dir = mkdtempSync(path.join(os.tmpdir(), 'synth-augment-'));
const raw = path.join(dir, 'raw.wav');

async function load(file: string): Promise<MonoAudio> {
  const d = await decodeAudioFile(file);
  return { samples: d.channels[0], sampleRate: d.sampleRate };
}

/** Magnitude-weighted mean frequency (Hz, below 5 kHz) over frames within 30 dB of the loudest. */
function spectralCentroid(audio: MonoAudio): number {
  const nFft = 1024;
  const spec = stftMagnitude(audio.samples, { nFft, winLength: nFft, hopLength: 256 });
  const hz = (b: number) => (b * audio.sampleRate) / nFft;
  const energy = Array.from({ length: spec.frames }, (_, t) =>
    spec.data.subarray(t * spec.bins, (t + 1) * spec.bins).reduce((a, v) => a + v * v, 0),
  );
  const floor = Math.max(...energy) * 1e-3;
  let num = 0;
  let den = 0;
  for (let t = 0; t < spec.frames; t++) {
    if (energy[t] < floor) continue;
    for (let b = 1; b < spec.bins && hz(b) < 5000; b++) {
      num += hz(b) * spec.data[t * spec.bins + b];
      den += spec.data[t * spec.bins + b];
    }
  }
  return num / den;
}

async function augmented(name: string, aug: VoiceAugmentation): Promise<MonoAudio> {
  const out = path.join(dir, `${name}.wav`);
  await augmentWav(raw, out, aug);
  return load(out);
}

describe('augmentWav', () => {
  let original: MonoAudio;
  let f0: number;
  let centroid: number;
  beforeAll(async () => {
    await synthesize({ id: 'flite_slt', engine: 'flite', voice: 'slt' }, 'We were away a year ago when the lawyer allowed it.', raw);
    original = await load(raw);
    f0 = medianF0(original) ?? 0;
    centroid = spectralCentroid(original);
    expect(f0).toBeGreaterThan(100);
  });

  it('raises F0 by the pitch cents while keeping the formants', async () => {
    const up = await augmented('pitch', { pitchCents: 400, vtlnAlpha: 1, rate: 1 });
    expect((medianF0(up) ?? 0) / f0).toBeCloseTo(2 ** (400 / 1200), 1);
    expect(spectralCentroid(up) / centroid).toBeLessThan(1.08);
  });

  it('scales the formants by alpha while keeping F0', async () => {
    const warped = await augmented('vtln', { pitchCents: 0, vtlnAlpha: 1.15, rate: 1 });
    const shrunk = await augmented('vtln-down', { pitchCents: 0, vtlnAlpha: 0.87, rate: 1 });
    expect((medianF0(warped) ?? 0) / f0).toBeCloseTo(1, 1);
    expect((medianF0(shrunk) ?? 0) / f0).toBeCloseTo(1, 1);
    expect(spectralCentroid(warped) / centroid).toBeGreaterThan(1.07);
    expect(spectralCentroid(shrunk) / centroid).toBeLessThan(0.95);
    expect(warped.samples.length / original.samples.length).toBeCloseTo(1, 1);
  });

  it('changes the length by the speaking rate, as the scaled timings do', async () => {
    const fast = await augmented('rate', { pitchCents: 0, vtlnAlpha: 1, rate: 1.2 });
    expect(fast.samples.length / original.samples.length).toBeCloseTo(1 / 1.2, 1);
    expect(scaleSegments([{ phone: 'aa', start: 1.2, end: 2.4 }], { pitchCents: 0, vtlnAlpha: 1, rate: 1.2 })).toEqual([
      { phone: 'aa', start: 1, end: 2 },
    ]);
  });

  it('gives identical bytes on a second run', async () => {
    const aug = { pitchCents: -250, vtlnAlpha: 0.93, rate: 0.9 };
    await augmentWav(raw, path.join(dir, 'a.wav'), aug);
    await augmentWav(raw, path.join(dir, 'b.wav'), aug);
    expect(readFileSync(path.join(dir, 'a.wav')).equals(readFileSync(path.join(dir, 'b.wav')))).toBe(true);
  });

  it('keeps a warped, shifted, faster voice intelligible to pocketsphinx', async () => {
    const text = 'Please enter your password followed by the pound key.';
    const rms = path.join(dir, 'rms.wav');
    const out = path.join(dir, 'rms-aug.wav');
    await synthesize({ id: 'flite_rms', engine: 'flite', voice: 'rms' }, text, rms);
    await augmentWav(rms, out, { pitchCents: 150, vtlnAlpha: 0.92, rate: 1.1 });
    expect(wordErrorRate(text, await recognize(out)).wer).toBeLessThanOrEqual(0.2);
  });

  it('refuses values outside the intelligible ranges', async () => {
    await expect(augmentWav(raw, path.join(dir, 'x.wav'), { pitchCents: 0, vtlnAlpha: 1.5, rate: 1 })).rejects.toThrow(/vtlnAlpha/);
  });
});
