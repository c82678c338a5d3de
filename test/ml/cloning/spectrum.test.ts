// Long-term spectrum match: band means skip pauses, the stored mel-mean override makes a clone's long-term spectrum the
// person's, and with it an encoded clone of a held-out VCC2016 speaker (SF3) sounds more like her unseen readings.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadClip } from '../../../ml/audio/load';
import type { LogMel } from '../../../ml/audio/mel';
import type { MonoAudio } from '../../../ml/audio/types';
import { tf } from '../../../ml/backend';
import { cloneVoice } from '../../../ml/cloning/clone';
import { lazyModels, type Models } from '../../../ml/cloning/models';
import { PROMPT_SENTENCES } from '../../../ml/cloning/prompts';
import { SPECTRUM_HALF_SECONDS, SPECTRUM_WEIGHT, speechBandMeans, spectrumMatchShare, spectrumOffset, spectrumOverride } from '../../../ml/cloning/spectrum';
import { readVcc2016Transcripts } from '../../../ml/data/vcc2016-transcripts';
import { logMel } from '../../../ml/audio/mel';
import { cosineSimilarity } from '../../../ml/eval/similarity';
import { speak, tokensToMel } from '../../../ml/models/tts/synthesize';
import { toTtsTokens } from '../../../ml/models/tts/tokens';
import { embedAudio } from '../../../ml/models/verifier/embed';
import type { LoadedTts } from '../../../ml/models/tts/weights';
import { textToPhonemes } from '../../../ml/text/g2p';
import { sharedData } from '../../support/shared-data';

describe('speechBandMeans', () => {
  it('averages each band over the louder frames only', () => {
    // 10 frames of 2 bands: 4 quiet ones (level −10) and 6 loud ones whose bands average 1 and 3.
    const rows = [...Array.from({ length: 4 }, () => [-10, -10]), ...Array.from({ length: 6 }, (_, t) => [1 + (t % 2 ? 0.5 : -0.5), 3])];
    const mel: LogMel = { frames: 10, nMels: 2, data: Float32Array.from(rows.flat()) };
    expect(Array.from(speechBandMeans([mel]))).toEqual([1, 3]);
  });

  it('refuses nothing to average and mixed band counts', () => {
    expect(() => speechBandMeans([])).toThrow(/at least one utterance/);
    const a: LogMel = { frames: 2, nMels: 2, data: new Float32Array(4) };
    const b: LogMel = { frames: 2, nMels: 3, data: new Float32Array(6) };
    expect(() => speechBandMeans([a, b])).toThrow(/3 and 2 bands|2 and 3 bands/);
  });
});

describe('spectrumMatchShare', () => {
  it('trusts the clips\' spectrum more the longer they are', () => {
    expect(spectrumMatchShare(SPECTRUM_HALF_SECONDS)).toBeCloseTo(0.5, 10);
    expect(spectrumMatchShare(1)).toBe(0.5);
    const shares = [3, 10, 30, 100].map(spectrumMatchShare);
    for (let i = 1; i < shares.length; i++) expect(shares[i]).toBeGreaterThan(shares[i - 1]);
    expect(shares[3]).toBeLessThan(1);
    expect(() => spectrumMatchShare(0)).toThrow(/last some time/);
    expect(() => spectrumMatchShare(Number.NaN)).toThrow(/last some time/);
  });
});

describe('spectrum match on real speech', { timeout: 600_000 }, () => {
  let models: Models;
  let tts: LoadedTts;
  let clips: MonoAudio[];
  let texts: string[];

  beforeAll(async () => {
    models = lazyModels();
    tts = await models.tts();
    const transcripts = readVcc2016Transcripts();
    const ids = ['100015', '100020', '100031'];
    clips = await Promise.all(ids.map(async (n) => (await loadClip(sharedData(`vcc2016/train/SF3/${n}.flac`))).audio));
    texts = ids.map((n) => transcripts.get(n)!.text);
  });

  it('moves the clone\'s long-term spectrum toward the clips\', loudness aside', async () => {
    const voice = await cloneVoice(models, clips.map((audio, i) => ({ audio, text: texts[i] })), 'encode');
    expect(Object.keys(voice.adapter ?? {})).toEqual([SPECTRUM_WEIGHT]);
    const offset = await spectrumOffset(tts, clips.map((c) => logMel(c)), voice.embedding);
    expect(offset).toHaveLength(tts.config.nMels);
    expect(Math.abs(offset.reduce((s, x) => s + x, 0))).toBeLessThan(1e-3);
    expect(Array.from(voice.adapter![SPECTRUM_WEIGHT].data)).toEqual(Array.from(tts.weights.melMean.dataSync(), (m, d) => Math.fround(m + offset[d])));
    const override = { [SPECTRUM_WEIGHT]: tf.tensor(voice.adapter![SPECTRUM_WEIGHT].data, voice.adapter![SPECTRUM_WEIGHT].shape) };
    try {
      const target = speechBandMeans(clips.map((c) => logMel(c)));
      const mismatch = async (sentences: readonly string[], overrides?: Record<string, tf.Tensor>) => {
        const tokens = await Promise.all(sentences.map(async (s) => toTtsTokens((await textToPhonemes(s)).ids)));
        const own = speechBandMeans(tokens.map((t) => tokensToMel(tts, t, voice.embedding, { overrides })));
        const diff = target.map((x, d) => x - own[d]);
        const mean = diff.reduce((s, x) => s + x, 0) / diff.length;
        return Math.sqrt(diff.reduce((s, x) => s + (x - mean) ** 2, 0) / diff.length);
      };
      // On the sentences it was measured with, the clone moves the share its clips' seconds give of the way to the clips'
      // spectrum (up to which frames count as pauses) ...
      const share = spectrumMatchShare(clips.reduce((s, c) => s + c.samples.length / c.sampleRate, 0));
      expect(share).toBeGreaterThan(0.6);
      const reference = PROMPT_SENTENCES.slice(0, 4);
      const before = await mismatch(reference);
      expect(before).toBeGreaterThan(0.3);
      expect(Math.abs((await mismatch(reference, override)) - (1 - share) * before)).toBeLessThan(0.1 * before);
      // ... and on other sentences most of that way too (what is left is what the sentences' own sounds make differ).
      const other = PROMPT_SENTENCES.slice(8, 14);
      expect(await mismatch(other, override)).toBeLessThan((1 - 0.6 * share) * (await mismatch(other)));
    } finally {
      override[SPECTRUM_WEIGHT].dispose();
    }
  });

  it('makes an encoded clone sound more like the speaker\'s unseen readings', async () => {
    const verifier = await models.verifier();
    const voice = await cloneVoice(models, clips.map((audio, i) => ({ audio, text: texts[i] })), 'encode');
    const unseen = await Promise.all(['200001', '200002', '200003'].map(async (n) => embedAudio(verifier, (await loadClip(sharedData(`vcc2016/eval/SF3/${n}.flac`), { normalize: false })).audio)));
    const similarity = async (overrides?: Record<string, tf.Tensor>) => {
      const audio = await speak(tts, 'The church bells ring each Sunday morning. Go slowly over the old stone road home.', voice.embedding, { overrides });
      const e = embedAudio(verifier, audio);
      return unseen.reduce((s, u) => s + cosineSimilarity(e, u), 0) / unseen.length;
    };
    const override = { [SPECTRUM_WEIGHT]: tf.tensor(voice.adapter![SPECTRUM_WEIGHT].data, voice.adapter![SPECTRUM_WEIGHT].shape) };
    try {
      expect(await similarity(override)).toBeGreaterThan((await similarity()) + 0.05);
    } finally {
      override[SPECTRUM_WEIGHT].dispose();
    }
  });

  it('leaves whole-model adaptation\'s adapter to its own layers', async () => {
    const voice = await cloneVoice(models, clips.map((audio, i) => ({ audio, text: texts[i] })), 'adapt-whole', { steps: 2 });
    expect(Object.keys(voice.adapter ?? {})).not.toContain(SPECTRUM_WEIGHT);
    expect(() => spectrumOverride(tts, new Float32Array(3))).toThrow(/80 bands/);
  });
});
