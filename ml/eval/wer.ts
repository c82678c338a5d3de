// Word error rate of a hypothesis (e.g. pocketsphinx's transcript of synthesized speech) against a reference text.
// Both sides are normalized (numbers, abbreviations spelled out; case and punctuation dropped) before word alignment.

import { VoiceCloneError } from '../errors';
import { normalizeText } from '../text/normalize';
import { wordEditDistance, words } from './asr';

export interface WerResult {
  /** errors / referenceWords (can exceed 1 when the hypothesis inserts many words). */
  wer: number;
  /** Substitutions + deletions + insertions of the best alignment. */
  errors: number;
  referenceWords: number;
}

/** The words WER compares: normalized text, lower case, split on anything but letters, digits and apostrophes. */
export function werWords(text: string): string[] {
  return words(normalizeText(text));
}

/** WER of one hypothesis against its reference. */
export function wordErrorRate(reference: string, hypothesis: string): WerResult {
  return corpusWordErrorRate([{ reference, hypothesis }]);
}

/** Pooled WER over many utterances: total errors over total reference words. */
export function corpusWordErrorRate(pairs: ReadonlyArray<{ reference: string; hypothesis: string }>): WerResult {
  let errors = 0;
  let referenceWords = 0;
  for (const { reference, hypothesis } of pairs) {
    const ref = werWords(reference);
    errors += wordEditDistance(ref, werWords(hypothesis));
    referenceWords += ref.length;
  }
  if (referenceWords === 0) throw new VoiceCloneError('BAD_ARGUMENT', 'Word error rate needs a reference with at least one word.');
  return { wer: errors / referenceWords, errors, referenceWords };
}
