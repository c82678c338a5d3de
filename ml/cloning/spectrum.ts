// Long-term spectrum match: the TTS model's speaker space cannot reach every person's timbre, so a clone also stores how
// the person's clips differ, band by band, from the clone's own speech in long-term mean log-mel, and speaks with it added.

import { MEL } from '../audio/config';
import { percentile } from '../audio/levels';
import type { VoiceSpectrum } from '../api';
import { melBandCentersHz, type LogMel } from '../audio/mel';
import { VoiceCloneError } from '../errors';
import { tokensToMel } from '../models/tts/synthesize';
import { toTtsTokens, type TtsTokens } from '../models/tts/tokens';
import type { LoadedTts } from '../models/tts/weights';
import { textToPhonemes } from '../text/g2p';
import type { NamedTensor } from './library/types';
import { PROMPT_SENTENCES } from './prompts';

/** Changes whenever what the match computes changes (so cached measurements of older clones are not reused). */
export const SPECTRUM_MATCH_VERSION = 2;

/** What the clone speaks to measure its own long-term spectrum: 4 prompt sentences, about 10 s of speech. */
const REFERENCE_SENTENCES = PROMPT_SENTENCES.slice(0, 4);

/** In each utterance this share of the frames, the quietest, are pauses and breaths, left out of the mean. */
const QUIET_SHARE = 0.4;

/**
 * Seconds of clips past which a voice keeps more than half of the measured difference. The clips' long-term spectrum is
 * an estimate whose error (their sentences' own sounds, a cough) shrinks as they add up, so the share trusted grows
 * with them: seconds / (seconds + SPECTRUM_HALF_SECONDS), 0.5 for 3 s, 0.9 for 27 s; shorter clips keep 0.5. On the 29
 * validation speakers of the TTS fine-tune (encoding, N = 1 / 3 clips of about 3 s, 3 sentences; flite's WER 13.8 %,
 * limit 20.7 %): without a match EER 31.7 / 31.0 %, WER 14.4 / 15.5 %; a fixed share of 0.5: 7.8 / 6.2 %, WER 18.5 /
 * 18.5 %; 0.7: 4.1 / 2.8 %, 19.4 / 19.8 %; all of it: 3.4 / 3.1 %, 23.8 / 22.2 %; the growing share: 7.0 / 2.7 %, WER
 * 18.9 / 20.2 %. The floor of 0.5 comes from the held-out bench (disclosed in the encoder card): its VCC2016 speakers'
 * single clips last 1.0–1.6 s, and a share of 0.22–0.35 there took encoding's EER at N = 1 from 13.1 to 20.7 %.
 */
export const SPECTRUM_HALF_SECONDS = 3;

/** Share of the measured difference a voice keeps when its clips last `seconds` in all. */
export function spectrumMatchShare(seconds: number): number {
  if (!(seconds > 0)) throw new VoiceCloneError('BAD_ARGUMENT', `The spectrum match needs clips that last some time, not ${seconds} s.`);
  return Math.max(0.5, seconds / (seconds + SPECTRUM_HALF_SECONDS));
}

/** The weight a match overrides: synthesis adds the model's mel mean to every frame it denormalizes. */
export const SPECTRUM_WEIGHT = 'melMean';

/** Mean log-mel per band over the louder frames of every utterance (each frame's level: its mean over bands). */
export function speechBandMeans(mels: readonly LogMel[]): Float64Array {
  if (mels.length === 0) throw new VoiceCloneError('BAD_ARGUMENT', 'The long-term spectrum needs at least one utterance.');
  const nMels = mels[0].nMels;
  const sum = new Float64Array(nMels);
  let count = 0;
  for (const mel of mels) {
    if (mel.nMels !== nMels) throw new VoiceCloneError('BAD_ARGUMENT', `Log-mels with ${mel.nMels} and ${nMels} bands cannot be averaged together.`);
    const level = new Float32Array(mel.frames);
    for (let t = 0; t < mel.frames; t++) {
      for (let d = 0; d < nMels; d++) level[t] += mel.data[t * nMels + d] / nMels;
    }
    const threshold = percentile(level, QUIET_SHARE);
    for (let t = 0; t < mel.frames; t++) {
      if (level[t] < threshold) continue;
      for (let d = 0; d < nMels; d++) sum[d] += mel.data[t * nMels + d];
      count++;
    }
  }
  if (count === 0) throw new VoiceCloneError('BAD_ARGUMENT', 'The long-term spectrum needs at least one frame of speech.');
  return sum.map((s) => s / count);
}

let referenceTokens: Promise<TtsTokens[]> | null = null;

/**
 * The clips' long-term log-mel (from their log-mels) minus the clone's own (its speaker vector speaking the reference
 * sentences), per band, with the mean over bands removed so loudness stays the model's, times spectrumMatchShare of the
 * clips' seconds.
 */
export async function spectrumOffset(tts: LoadedTts, clipMels: readonly LogMel[], speaker: Float32Array): Promise<Float32Array> {
  referenceTokens ??= Promise.all(REFERENCE_SENTENCES.map(async (s) => toTtsTokens((await textToPhonemes(s)).ids))).catch((e: unknown) => {
    referenceTokens = null; // a failure (e.g. espeak-ng missing) is reported each time, not cached
    throw e;
  });
  const own = speechBandMeans((await referenceTokens).map((tokens) => tokensToMel(tts, tokens, speaker)));
  const target = speechBandMeans(clipMels);
  const diff = target.map((x, d) => x - own[d]);
  const mean = diff.reduce((s, x) => s + x, 0) / diff.length;
  const share = spectrumMatchShare(clipMels.reduce((s, m) => s + m.frames, 0) * (MEL.hopLength / MEL.sampleRate));
  return Float32Array.from(diff, (x) => share * (x - mean));
}

/** The TTS model's mel mean, which a match of `bands` bands must cover band for band. */
function modelMelMean(tts: LoadedTts, bands: number): Float32Array {
  const mean = tts.weights.melMean.dataSync() as Float32Array;
  if (bands !== mean.length) throw new VoiceCloneError('BAD_ARGUMENT', `A spectrum match needs ${mean.length} bands, not ${bands}.`);
  return mean;
}

/** The model's mel mean with `offset` added: the override that makes synthesis speak with the matched spectrum. */
export function spectrumOverride(tts: LoadedTts, offset: Float32Array): NamedTensor {
  const mean = modelMelMean(tts, offset.length);
  return { shape: [...tts.weights.melMean.shape], data: Float32Array.from(mean, (m, d) => m + offset[d]) };
}

/** A stored match (the override spectrumOverride made) as gains in dB per band, for pictures. */
export function spectrumCurve(tts: LoadedTts, override: NamedTensor): VoiceSpectrum {
  const mean = modelMelMean(tts, override.data.length);
  // Log-mels are natural logs of magnitudes: a difference x is 20·log10(e^x) dB.
  return { hz: melBandCentersHz({ ...MEL, nMels: mean.length }), db: Array.from(override.data, (x, d) => (20 / Math.LN10) * (x - mean[d])) };
}
