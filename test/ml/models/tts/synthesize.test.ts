// Robustness of synthesis with the shipped TTS model: odd inputs give speech or a clear TEXT_INVALID error, never a
// crash; long text streams sentence by sentence; the same input always gives the same samples.
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../../../ml/backend';
import { builtinSpeaker, speak, speakSentences } from '../../../../ml/models/tts/synthesize';
import { loadTts, type LoadedTts } from '../../../../ml/models/tts/weights';

let tts: LoadedTts;
let voice: Float32Array;

beforeAll(async () => {
  await initBackend();
  tts = await loadTts();
  voice = builtinSpeaker(tts, tts.builtinVoices[0].id);
});

function rms(x: Float32Array): number {
  let s = 0;
  for (const v of x) s += v * v;
  return Math.sqrt(s / Math.max(1, x.length));
}

describe('speak', () => {
  it.each([
    ['digits', 'I have 3 apples, 12 pears and $4.50 on 5/6/2024.'],
    ['unknown words', 'The zorblax quuxified the flimbertonk.'],
    ['emoji inside words', 'Good morning 😀 everyone 🎉!'],
    ['other scripts', 'Привет, мир. 你好世界. Ελληνικά.'],
    ['symbols', 'R&D costs 20% more @ night — really?!'],
  ])('speaks %s', async (_, text) => {
    const audio = await speak(tts, text, voice, { iterations: 4 });
    expect(audio.samples.length / audio.sampleRate).toBeGreaterThan(0.3);
    expect(audio.samples.every(Number.isFinite)).toBe(true);
    expect(rms(audio.samples)).toBeGreaterThan(1e-3);
  });

  it.each([['empty', ''], ['blank', ' \n\t '], ['emoji only', '😀🎉👍'], ['punctuation only', '?!... ---']])('refuses %s text with TEXT_INVALID', async (_, text) => {
    await expect(speak(tts, text, voice)).rejects.toMatchObject({ code: 'TEXT_INVALID' });
  });

  it('is deterministic', async () => {
    const a = await speak(tts, 'Deterministic speech, twice.', voice, { iterations: 8 });
    const b = await speak(tts, 'Deterministic speech, twice.', voice, { iterations: 8 });
    expect(Buffer.from(a.samples.buffer).equals(Buffer.from(b.samples.buffer))).toBe(true);
  });

  it('streams 5,000 characters sentence by sentence', async () => {
    const sentence = 'The small boat drifted slowly toward the quiet harbor at dawn. ';
    const text = sentence.repeat(Math.ceil(5000 / sentence.length)).slice(0, 5000);
    let count = 0;
    let seconds = 0;
    for await (const part of speakSentences(tts, text, voice, { iterations: 2 })) {
      expect(part.index).toBe(count);
      seconds += part.audio.samples.length / part.audio.sampleRate;
      count++;
    }
    expect(count).toBeGreaterThanOrEqual(78);
    expect(seconds).toBeGreaterThan(count * 0.5);
  });
});
