// The fixed set of real speakers the verifier never trains on: 4 VCC2016 speakers and 30 LibriSpeech speakers.
// LibriSpeech speakers are chosen by a hash of their id, 15 female and 15 male, so the choice never drifts.

import { createHash } from 'node:crypto';
import { VoiceCloneError } from '../../errors';
import type { Corpus } from '../../data/corpora/types';

/** Two source and two target speakers, two female and two male. */
export const HELD_OUT_VCC2016 = ['SF3', 'SM2', 'TF2', 'TM3'] as const;

export const HELD_OUT_LIBRI_PER_GENDER = 15;

function rank(id: string): string {
  return createHash('sha256').update(`verifier-heldout:${id}`).digest('hex');
}

/** The held-out LibriSpeech speakers of a corpus: the 15 female and 15 male speakers with the lowest hash rank. */
export function heldOutLibriSpeakers(libri: Corpus): string[] {
  const gender = new Map(libri.utterances.map((u) => [u.speaker, u.gender]));
  const pick = (g: 'F' | 'M') => {
    const ids = libri.speakers.filter((s) => gender.get(s) === g).sort((a, b) => rank(a).localeCompare(rank(b)));
    if (ids.length < HELD_OUT_LIBRI_PER_GENDER) {
      throw new VoiceCloneError('DATA_MISSING', `LibriSpeech subset has only ${ids.length} speakers of gender ${g}; ${HELD_OUT_LIBRI_PER_GENDER} are held out.`);
    }
    return ids.slice(0, HELD_OUT_LIBRI_PER_GENDER);
  };
  return [...pick('F'), ...pick('M')].sort();
}

/** Every held-out speaker as `corpus:speaker` keys. */
export function heldOutKeys(libri: Corpus): Set<string> {
  return new Set([...HELD_OUT_VCC2016.map((s) => `vcc2016:${s}`), ...heldOutLibriSpeakers(libri).map((s) => `librispeech-subset:${s}`)]);
}
