// Tests that the recording prompts cover every English vowel and consonant of the shared phoneme inventory.
import { describe, expect, it } from 'vitest';
import { PROMPT_SENTENCES } from '../../../ml/cloning/prompts';
import { textToPhonemes } from '../../../ml/text/g2p';
import { PHONEME_INVENTORY } from '../../../ml/text/phonemes';

/** Inventory symbols en-us writes rarely or never for common words: pads, pauses, marks and foreign sounds. */
const NOT_REQUIRED = new Set(['_', ' ', ',', '.', '?', '!', '…', 'ˈ', 'ˌ', 'ː', 'ʔ', 'x', 'ɬ', 'r', '\u0329', '\u0303', 'ʲ']);

describe('PROMPT_SENTENCES', () => {
  it('are about twenty short sentences that cover every required phoneme', async () => {
    expect(PROMPT_SENTENCES.length).toBeGreaterThanOrEqual(18);
    expect(PROMPT_SENTENCES.every((s) => s.split(' ').length <= 12)).toBe(true);
    const seen = new Set<string>();
    for (const s of PROMPT_SENTENCES) (await textToPhonemes(s)).phonemes.forEach((p) => seen.add(p));
    expect(PHONEME_INVENTORY.filter((p) => !NOT_REQUIRED.has(p) && !seen.has(p))).toEqual([]);
  });
});
