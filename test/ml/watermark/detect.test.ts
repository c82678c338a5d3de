// The watermark end to end on real speech (flite and espeak-ng made at test time, recordings from ../shared/data):
// the payload survives resampling, 16-bit WAV, gain, MP3/Ogg at 64 kbit/s, 3 s excerpts, 20 dB SNR white noise, and both;
// unmarked recordings are not flagged; the mark stays 30 dB under the speech (verifier cosine: detect-synthesized.test.ts).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { addNoise } from '../../../ml/audio/noise';
import type { MonoAudio } from '../../../ml/audio/types';
import { writeWav16 } from '../../../ml/audio/wav';
import { seededRandom } from '../../../ml/random';
import { detect, detectFile } from '../../../ml/watermark/detect';
import { embed, markEnergyDb } from '../../../ml/watermark/embed';
import { voicePayload } from '../../../ml/watermark/payload';
import { readMono, sox, tempDir } from '../audio/fixtures';
import { sharedData, sharedDataRoot } from '../../support/shared-data';

const payload = voicePayload('test-voice-7');
const dir = tempDir('watermark');
const file = (name: string) => path.join(dir, name);
/** 12 s of flite speech at 16 kHz, peak at -8 dBFS so +6 dB does not clip. */
const FLITE_TEXT =
  'The museum opens at nine in the morning and closes at six. Visitors can walk through the long gallery of old paintings, ' +
  'stop at the cafe by the garden, and buy postcards at the small shop near the main entrance before they leave.';
const ESPEAK_TEXT = 'Seven silver ships sailed quietly past the harbour lights, carrying letters, spices and a small brass clock for the mayor.';

let flite: MonoAudio;
let marked: MonoAudio;

async function expectPayload(f: string): Promise<void> {
  const d = await detectFile(f);
  expect(d.present, path.basename(f)).toBe(true);
  expect(d.payload, path.basename(f)).toEqual(payload);
  expect(d.confidence).toBeGreaterThan(0.99);
}

beforeAll(async () => {
  execFileSync('flite', ['-voice', 'slt', '-t', FLITE_TEXT, '-o', file('flite-raw.wav')]);
  sox(file('flite-raw.wav'), file('flite.wav'), 'norm', '-8');
  execFileSync('espeak-ng', ['-w', file('espeak.wav'), ESPEAK_TEXT]);
  flite = await readMono(file('flite.wav'));
  marked = embed(flite, payload);
  await writeWav16(file('marked.wav'), marked);
});

describe('watermark robustness', () => {
  it('reads the payload from the 16-bit WAV and after gain of -6 and +6 dB', async () => {
    await expectPayload(file('marked.wav'));
    sox(file('marked.wav'), file('quiet.wav'), 'gain', '-6');
    sox(file('marked.wav'), file('loud.wav'), 'gain', '6');
    await expectPayload(file('quiet.wav'));
    await expectPayload(file('loud.wav'));
  });

  it('survives resampling to 44.1 kHz, and marks 22.05 kHz espeak-ng speech that is then resampled to 16 kHz', async () => {
    sox(file('marked.wav'), file('marked-44k.wav'), 'rate', '44100');
    await expectPayload(file('marked-44k.wav'));
    const espeak = await readMono(file('espeak.wav'));
    expect(espeak.sampleRate).toBe(22050);
    await writeWav16(file('espeak-marked.wav'), embed(espeak, payload));
    sox(file('espeak-marked.wav'), file('espeak-16k.wav'), 'rate', '16000');
    await expectPayload(file('espeak-16k.wav'));
  });

  it('survives MP3 and Ogg Vorbis at no more than 64 kbit/s', async () => {
    sox(file('marked.wav'), '-C', '64', file('marked.mp3'));
    sox(file('marked.wav'), '-C', '7', file('marked.ogg'));
    const seconds = marked.samples.length / marked.sampleRate;
    for (const f of [file('marked.mp3'), file('marked.ogg')]) {
      const kbps = (fs.statSync(f).size * 8) / seconds / 1000;
      expect(kbps, path.basename(f)).toBeLessThanOrEqual(66);
      expect(kbps, path.basename(f)).toBeGreaterThan(50);
      await expectPayload(f);
    }
  });

  it('reads the payload from 3 s excerpts starting anywhere', async () => {
    for (const start of [0, 2.37, 4.81, 7.13, 9.05]) {
      const f = file(`excerpt-${start}.wav`);
      sox(file('marked.wav'), f, 'trim', String(start), '3');
      await expectPayload(f);
    }
  });

  it('reads the payload from 3 s excerpts under white noise at 20 dB SNR (three noise draws each)', () => {
    for (const start of [0, 2.37, 4.81, 7.13, 9.05]) {
      const from = Math.round(start * marked.sampleRate);
      const excerpt = marked.samples.subarray(from, from + 3 * marked.sampleRate);
      for (const seed of [1, 2, 3]) {
        const d = detect({ samples: addNoise(excerpt, 20, false, seededRandom(seed)), sampleRate: marked.sampleRate });
        expect(d.payload, `excerpt at ${start} s, noise draw ${seed}`).toEqual(payload);
      }
    }
  });

  it('survives white noise at 20 dB SNR on the 12 s reading (three noise draws)', () => {
    for (const seed of [1, 2, 3]) {
      const d = detect({ samples: addNoise(marked.samples, 20, false, seededRandom(seed)), sampleRate: marked.sampleRate });
      expect(d.present, `noise draw ${seed}`).toBe(true);
      expect(d.payload, `noise draw ${seed}`).toEqual(payload);
    }
  });
});

describe('watermark false positives', () => {
  it('flags none of 42 unmarked recordings from vcc2016, librispeech and fsdd, nor the unmarked flite speech', async () => {
    const root = sharedDataRoot();
    const pick = (folder: string, n: number) => {
      const all = fs.readdirSync(path.join(root, folder)).filter((f) => f.endsWith('.flac')).sort();
      return Array.from({ length: n }, (_, i) => path.join(folder, all[Math.floor((i * all.length) / n)]));
    };
    const speakers = ['SF1', 'SM1', 'TF2', 'TM3', 'SF3', 'TM1', 'SM2'];
    const files = [
      ...speakers.flatMap((s) => [`vcc2016/train/${s}/100007.flac`, `vcc2016/eval/${s}/200011.flac`]),
      ...pick('librispeech-subset/train-clean-100', 14),
      ...pick('fsdd', 14),
    ];
    expect(files).toHaveLength(42);
    const confident: string[] = [];
    for (const f of [...files.map(sharedData), file('flite.wav')]) {
      const d = await detectFile(f);
      expect(d.present, f).toBe(false);
      expect(d.payload, f).toBeNull();
      if (d.confidence >= 0.99) confident.push(`${f}: ${d.confidence}`);
    }
    // Without a payload, confidence bounds the chance that unmarked audio scores this high: each file reaches 0.99
    // with chance at most 0.01, so among 43 files about 0.4 are expected to, and 3 or more would mean the bound is wrong.
    expect(confident.length, confident.join('\n')).toBeLessThanOrEqual(2);
  });
});

describe('watermark inaudibility', () => {
  it('adds at least 30 dB less energy than the speech on flite, espeak-ng and recorded speech', async () => {
    const clips = [flite, await readMono(file('espeak.wav')), await readMono(sharedData('vcc2016/eval/SM2/200003.flac'))];
    for (const clip of clips) {
      const withMark = embed(clip, payload);
      expect(withMark.samples).toHaveLength(clip.samples.length);
      expect(markEnergyDb(clip, withMark)).toBeLessThan(-30);
    }
  });
});
