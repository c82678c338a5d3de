// TTS input tokens: the shared phoneme ids with stress (ˈ ˌ) and length (ː) folded into the phoneme they mark,
// so every token is a sound that takes time, and silence tokens at both ends hold the clip's leading and trailing pause.

import { phonemeId, WORD_BOUNDARY } from '../../text/phonemes';

const PRIMARY = phonemeId('ˈ')!;
const SECONDARY = phonemeId('ˌ')!;
const LONG = phonemeId('ː')!;
const EDGE = phonemeId(WORD_BOUNDARY)!;

/** Modifier id = stress (0 none, 1 primary, 2 secondary) × 2 + long (0/1). */
export const MODIFIER_COUNT = 6;

export interface TtsTokens {
  /** Phoneme inventory ids, without stress and length marks, with an edge token first and last. */
  ids: Int32Array;
  /** Modifier id per token (see MODIFIER_COUNT). */
  modifiers: Int32Array;
}

/** Folds stress marks into the next phoneme and length marks into the previous one, and adds the edge tokens. */
export function toTtsTokens(phonemeIds: ArrayLike<number>): TtsTokens {
  const ids: number[] = [EDGE];
  const stress: number[] = [0];
  const long: number[] = [0];
  let pending = 0;
  for (let i = 0; i < phonemeIds.length; i++) {
    const id = phonemeIds[i];
    if (id === PRIMARY || id === SECONDARY) {
      pending = id === PRIMARY ? 1 : 2;
    } else if (id === LONG) {
      long[long.length - 1] = 1;
    } else {
      ids.push(id);
      stress.push(pending);
      long.push(0);
      pending = 0;
    }
  }
  ids.push(EDGE);
  stress.push(0);
  long.push(0);
  return { ids: Int32Array.from(ids), modifiers: Int32Array.from(stress, (s, i) => s * 2 + long[i]) };
}
