// TTS intelligibility helpers: per-voice WER with both sides normalized alike, ratios to the baseline and the best
// voices on known transcripts; the flite slt baseline recognized end to end and its transcript cached per WAV content.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import wavefile from 'wavefile';
import { describe, expect, it } from 'vitest';
import { wordEditDistance, words } from '../../../ml/eval/asr';
import { fliteSltWav, recognizeCached, summarizeIntelligibility, type Transcribed } from '../../../ml/eval/tts-intelligibility';

const baseline = [
  { reference: 'The girl at the booth sold fifty bonds.', hypothesis: 'the girl at the booth sold fifty bonds' },
  { reference: 'Two blue fish swam in the tank.', hypothesis: 'two blue fish swam in a tank' },
];

describe('summarizeIntelligibility', () => {
  it('normalizes references and hypotheses alike: case, punctuation and digits do not count as errors', () => {
    const utterances: Transcribed[] = [
      { voice: 'x', reference: "It's easy to tell the depth of a well.", hypothesis: "IT'S easy, to tell the depth of a well" },
      { voice: 'x', reference: 'The girl at the booth sold fifty bonds.', hypothesis: 'the girl at the booth sold 50 bonds' },
      { voice: 'x', reference: 'Four hours of steady work faced us.', hypothesis: '4 hours of steady work faced us!' },
    ];
    const s = summarizeIntelligibility(utterances, baseline);
    expect(s.voices).toEqual([{ voice: 'x', wer: 0, errors: 0, referenceWords: 24, ratioToBaseline: 0 }]);
  });

  it('pools WER per voice, divides by the baseline WER and ranks the best voices (ties by id)', () => {
    const ref = 'one two three four five six seven eight nine ten';
    const utterances: Transcribed[] = [
      { voice: 'c', reference: ref, hypothesis: 'one two three four five six seven eight nine' },
      { voice: 'a', reference: ref, hypothesis: 'one two three four five six seven eight nine men' },
      { voice: 'b', reference: ref, hypothesis: 'one two three four' },
      { voice: 'd', reference: ref, hypothesis: ref },
      { voice: 'b', reference: ref, hypothesis: ref },
    ];
    const s = summarizeIntelligibility(utterances, baseline);
    expect(s.baseline).toEqual({ wer: 1 / 15, errors: 1, referenceWords: 15 });
    expect(s.voices.map((v) => [v.voice, v.errors, v.referenceWords])).toEqual([
      ['c', 1, 10],
      ['a', 1, 10],
      ['b', 6, 20],
      ['d', 0, 10],
    ]);
    expect(s.voices[0].ratioToBaseline).toBeCloseTo(0.1 / (1 / 15), 9);
    expect(s.voices[2].ratioToBaseline).toBeCloseTo(0.3 / (1 / 15), 9);
    expect(s.best).toEqual(['d', 'a', 'c']);
    expect(summarizeIntelligibility(utterances, baseline, 1).best).toEqual(['d']);
  });

  it('gives no ratio when the baseline is perfect, and refuses empty input', () => {
    const perfect = [{ reference: 'a b c', hypothesis: 'a b c' }];
    expect(summarizeIntelligibility([{ voice: 'v', reference: 'a b', hypothesis: 'a' }], perfect).voices[0].ratioToBaseline).toBeNull();
    expect(() => summarizeIntelligibility([], perfect)).toThrow(/at least one/);
  });
});

describe('fliteSltWav + recognizeCached', () => {
  it('renders 16 kHz speech pocketsphinx understands, and answers a second time from the cache', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tts-intel-'));
    const wav = path.join(dir, 'h.wav');
    await fliteSltWav('The boy was there when the sun rose.', wav);
    const fmt = new wavefile.WaveFile(fs.readFileSync(wav)).fmt as { sampleRate: number; numChannels: number; bitsPerSample: number };
    expect([fmt.sampleRate, fmt.numChannels, fmt.bitsPerSample]).toEqual([16000, 1, 16]);

    const cacheDir = path.join(dir, 'asr');
    const heard = await recognizeCached(wav, cacheDir);
    expect(wordEditDistance(words(heard), words('the boy was there when the sun rose'))).toBeLessThanOrEqual(2);
    const [entry] = fs.readdirSync(cacheDir);
    expect(entry).toMatch(/^[0-9a-f]{64}\.json$/);
    // Overwrite the cached transcript: a cached answer must come back without running the recognizer.
    fs.writeFileSync(path.join(cacheDir, entry), JSON.stringify({ hypothesis: 'from the cache', seconds: 0 }));
    expect(await recognizeCached(wav, cacheDir)).toBe('from the cache');
    await expect(recognizeCached(path.join(dir, 'missing.wav'), cacheDir)).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
  });
});
