// Long-term spectrum match: the TTS model's speaker space cannot reach every person's timbre, so a clone also stores how
// the person's clips differ, band by band, from the clone's own speech in long-term mean log-mel, and speaks with it added.

import { percentile } from '../audio/levels';
import type { LogMel } from '../audio/mel';
import { VoiceCloneError } from '../errors';
import { tokensToMel } from '../models/tts/synthesize';
import { toTtsTokens, type TtsTokens } from '../models/tts/tokens';
import type { LoadedTts } from '../models/tts/weights';
import { textToPhonemes } from '../text/g2p';
import type { NamedTensor } from './library/types';
import { PROMPT_SENTENCES } from './prompts';

/** Changes whenever what the match computes changes (so cached measurements of older clones are not reused). */
export const SPECTRUM_MATCH_VERSION = 1;

/** What the clone speaks to measure its own long-term spectrum: 4 prompt sentences, about 10 s of speech. */
const REFERENCE_SENTENCES = PROMPT_SENTENCES.slice(0, 4);

/** In each utterance this share of the frames, the quietest, are pauses and breaths, left out of the mean. */
const QUIET_SHARE = 0.4;

/**
 * Share of the measured difference a voice speaks with. On the 29 validation speakers of the TTS fine-tune (encoding,
 * N = 1 / 3, 3 sentences; flite's WER 13.8 %, limit 20.7 %), without a match: EER 31.7 / 31.0 %, WER 14.4 / 15.5 %;
 * a share of 0.5: 7.8 / 6.2 %, WER 18.5 / 18.5 %; 0.7: 4.1 / 2.8 %, 19.4 / 19.8 %; all of it: 3.4 / 3.1 %, 23.8 /
 * 22.2 %. Half keeps a margin under the limit (the held-out bench's WER has run above the validation speakers').
 */
export const SPECTRUM_MATCH_SHARE = 0.5;

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
 * SPECTRUM_MATCH_SHARE of the clips' long-term log-mel (from their log-mels) minus the clone's own (its speaker vector speaking the
 * reference sentences), per band, with the mean over bands removed so loudness stays the model's.
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
  return Float32Array.from(diff, (x) => SPECTRUM_MATCH_SHARE * (x - mean));
}

/** The model's mel mean with `offset` added: the override that makes synthesis speak with the matched spectrum. */
export function spectrumOverride(tts: LoadedTts, offset: Float32Array): NamedTensor {
  const mean = tts.weights.melMean.dataSync();
  if (offset.length !== mean.length) throw new VoiceCloneError('BAD_ARGUMENT', `A spectrum offset needs ${mean.length} bands, not ${offset.length}.`);
  return { shape: [...tts.weights.melMean.shape], data: Float32Array.from(mean, (m, d) => m + offset[d]) };
}
