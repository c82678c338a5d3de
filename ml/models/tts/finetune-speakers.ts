// The real LibriSpeech speakers that extend the TTS model's speaker table (scripts/prepare-tts-finetune.ts), and the
// ones kept out of it to validate cloning. Neither ever includes the verifier's held-out speakers (the bench's).

import type { Corpus } from '../../data/corpora/types';
import { heldOutLibriSpeakers } from '../verifier/heldout';

/**
 * Validation speakers: the encoder card's "set A" (10) and every 10th of the remaining non-held-out LibriSpeech
 * speakers with usable segments, in key order (19), as chosen when the fine-tune was first made.
 */
export const FINETUNE_VALIDATION_SPEAKERS: readonly string[] = [
  ...['89', '887', '87', '8468', '8465', '911', '909', '8770', '8747', '8630'],
  ...['103', '1263', '1723', '1992', '229', '26', '2952', '3240', '3723', '4018', '4297', '4788', '5390', '587', '6367', '6925', '7447', '8014', '8419'],
];

/** `librispeech-subset:<id>` keys of the speakers the fine-tune may add: neither held out nor validation, sorted. */
export function fineTuneSpeakerKeys(libri: Corpus): string[] {
  const excluded = new Set([...heldOutLibriSpeakers(libri), ...FINETUNE_VALIDATION_SPEAKERS]);
  return libri.speakers.filter((s) => !excluded.has(s)).map((s) => `librispeech-subset:${s}`).sort();
}
