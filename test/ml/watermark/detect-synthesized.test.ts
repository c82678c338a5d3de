// The watermark on the app's own synthesized speech (Griffin-Lim output of the TTS model, made by the engine at test
// time): every built-in voice's 2–4 s clip reads back its voice, clean and under 20 dB-SNR noise, as does a 1–2 s sentence
// under that noise; the attacks hold, 3 s excerpts read back clean and under that noise, and the mark stays inaudible by measure.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { VoiceEngine } from '../../../ml/api';
import { addNoise } from '../../../ml/audio/noise';
import { lazyModels } from '../../../ml/cloning/models';
import { createEngine } from '../../../ml/engine';
import { cosineSimilarity } from '../../../ml/eval/similarity';
import { builtinSpeaker, speak } from '../../../ml/models/tts/synthesize';
import { embedAudio, loadVerifier } from '../../../ml/models/verifier/embed';
import { seededRandom } from '../../../ml/random';
import { detect, detectFile } from '../../../ml/watermark/detect';
import { embed, markEnergyDb } from '../../../ml/watermark/embed';
import { voicePayload } from '../../../ml/watermark/payload';
import { readMono, sox, tempDir } from '../audio/fixtures';

const VOICES = ['vcc-sf1', 'vcc-sf2', 'vcc-tf1', 'vcc-sm1', 'vcc-tm1', 'vcc-tm2', 'synth-slt', 'synth-kal', 'synth-rms'];
const TEXTS = [
  'The juice of lemons makes fine punch. Mend the coat.',
  'Please call Stella. Ask her to bring these things.',
  'A pot of tea helps to pass the evening. Thank you.',
  'Take the winding path to reach the lake. Then rest.',
  'The source of the huge river is the clear spring. Look.',
];
/** The two-sentence request that failed before the watermark was tuned for synthesized speech (3.2 s). */
const STELLA = 'Please call Stella. Ask her to bring these things with her from the store.';
/** Short single sentences (1–1.7 s spoken): under 20 dB-SNR noise, 15 % of 1.2–2 s sentences lost the payload with key v3. */
const SHORT_TEXTS = ['The sun is bright today.', 'A cold wind blew at night.'];
const LONG_TEXT = 'Please call Stella. Ask her to bring these things with her from the store. Six spoons of fresh snow peas, five thick slabs of blue cheese, and maybe a snack for her brother Bob.';

const dir = tempDir('watermark-synth');
const file = (name: string) => path.join(dir, name);
let engine: VoiceEngine;

/** The engine's WAV of `text` in `voice`, synthesized into this run's folder the first time a test asks for `name`. */
async function synthesized(name: string, voice: string, text: string): Promise<string> {
  const f = file(name);
  if (!fs.existsSync(f)) fs.writeFileSync(f, (await engine.synthesize(voice, text)).wav);
  return f;
}

async function expectVoice(f: string, voice: string): Promise<void> {
  const d = await detectFile(f);
  expect(d.present, path.basename(f)).toBe(true);
  expect(d.payload, path.basename(f)).toEqual(voicePayload(voice));
  expect(d.confidence, path.basename(f)).toBeGreaterThan(0.99);
}

beforeAll(async () => {
  engine = await createEngine({ libraryDir: tempDir('watermark-synth-library') });
}, 60_000);

describe('watermark on synthesized speech', () => {
  it('reads the voice back from a 2–4 s clip of every built-in voice', async () => {
    for (const [i, voice] of VOICES.entries()) {
      const f = await synthesized(`${voice}.wav`, voice, TEXTS[i % TEXTS.length]);
      const seconds = (await readMono(f)).samples.length / 16000;
      expect(seconds, voice).toBeGreaterThanOrEqual(2);
      expect(seconds, voice).toBeLessThanOrEqual(4.5);
      await expectVoice(f, voice);
    }
  }, 60_000);

  it('survives gain of ±6 dB, resampling to 44.1 kHz and MP3/Ogg at 64 kbit/s on a 3 s clip', async () => {
    const f = await synthesized('stella.wav', 'vcc-tm1', STELLA);
    const attacked = [
      ['quiet.wav', 'gain', '-6'],
      ['loud.wav', 'gain', '6'],
      ['44k.wav', 'rate', '44100'],
      ['64k.mp3', '-C', '64'],
      ['q7.ogg', '-C', '7'],
    ];
    for (const [name, ...effect] of attacked) {
      const out = file(name);
      if (effect[0] === '-C') sox(f, ...effect, out);
      else sox(f, out, ...effect);
      await expectVoice(out, 'vcc-tm1');
    }
  }, 30_000);

  it('reads the voice from 3 s excerpts of a longer synthesized text', async () => {
    const f = await synthesized('long.wav', 'vcc-sf2', LONG_TEXT);
    const seconds = (await readMono(f)).samples.length / 16000;
    expect(seconds).toBeGreaterThan(7);
    for (const start of [0, 1.13, 2.71, seconds - 3]) {
      const out = file(`excerpt-${start.toFixed(2)}.wav`);
      sox(f, out, 'trim', start.toFixed(3), '3');
      await expectVoice(out, 'vcc-sf2');
    }
  }, 30_000);

  it('reads the voice back under white noise at 20 dB SNR from every 2–4 s clip, the 3.2 s request and the 9 s text (three draws each)', async () => {
    const clips: Array<[string, string, string]> = [
      ...VOICES.map((voice, i): [string, string, string] => [voice, `${voice}.wav`, TEXTS[i % TEXTS.length]]),
      ['vcc-tm1', 'stella.wav', STELLA],
      ['vcc-sf2', 'long.wav', LONG_TEXT],
    ];
    for (const [voice, name, text] of clips) {
      const clip = await readMono(await synthesized(name, voice, text));
      for (const seed of [1, 2, 3]) {
        const d = detect({ samples: addNoise(clip.samples, 20, false, seededRandom(seed)), sampleRate: clip.sampleRate });
        expect(d.payload, `${name}, noise draw ${seed}`).toEqual(voicePayload(voice));
      }
    }
  }, 60_000);

  it('reads the voice back under white noise at 20 dB SNR from a 1–2 s sentence of every built-in voice (three draws each)', async () => {
    for (const [i, voice] of VOICES.entries()) {
      const clip = await readMono(await synthesized(`${voice}-short.wav`, voice, SHORT_TEXTS[i % SHORT_TEXTS.length]));
      const seconds = clip.samples.length / clip.sampleRate;
      expect(seconds, voice).toBeGreaterThanOrEqual(1);
      expect(seconds, voice).toBeLessThanOrEqual(2);
      for (const seed of [1, 2, 3]) {
        const d = detect({ samples: addNoise(clip.samples, 20, false, seededRandom(seed)), sampleRate: clip.sampleRate });
        expect(d.payload, `${voice} (${seconds.toFixed(2)} s), noise draw ${seed}`).toEqual(voicePayload(voice));
      }
    }
  }, 60_000);

  it('reads the voice from 3 s excerpts of the 9 s text under white noise at 20 dB SNR (three draws each)', async () => {
    const clip = await readMono(await synthesized('long.wav', 'vcc-sf2', LONG_TEXT));
    const seconds = clip.samples.length / clip.sampleRate;
    for (const start of [0, 1.13, 2.71, 4.4, seconds - 3]) {
      const from = Math.round(start * clip.sampleRate);
      const excerpt = clip.samples.subarray(from, from + 3 * clip.sampleRate);
      for (const seed of [1, 2, 3]) {
        const d = detect({ samples: addNoise(excerpt, 20, false, seededRandom(seed)), sampleRate: clip.sampleRate });
        expect(d.payload, `excerpt at ${start.toFixed(2)} s, noise draw ${seed}`).toEqual(voicePayload('vcc-sf2'));
      }
    }
  }, 30_000);

  it('adds at least 30 dB less energy than the speech and keeps the verifier cosine at 0.99 or more for every voice', async () => {
    const tts = await lazyModels().tts();
    const verifier = await loadVerifier();
    const cosines: number[] = [];
    for (const [i, voice] of VOICES.entries()) {
      const clip = await speak(tts, TEXTS[i % TEXTS.length], builtinSpeaker(tts, voice));
      const marked = embed(clip, voicePayload(voice));
      expect(markEnergyDb(clip, marked), voice).toBeLessThan(-30);
      cosines.push(cosineSimilarity(embedAudio(verifier, clip), embedAudio(verifier, marked)));
    }
    console.log(`verifier cosine marked vs unmarked: ${cosines.map((c) => c.toFixed(4)).join(' ')}`);
    expect(Math.min(...cosines)).toBeGreaterThanOrEqual(0.99);
  }, 120_000);
});
