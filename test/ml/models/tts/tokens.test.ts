// Tests for TTS token folding: stress marks move onto the next phoneme, length marks onto the previous one.
import { describe, expect, it } from 'vitest';
import { textToPhonemes } from '../../../../ml/text/g2p';
import { idsToSymbols, symbolsToIds } from '../../../../ml/text/phonemes';
import { toTtsTokens } from '../../../../ml/models/tts/tokens';

describe('toTtsTokens', () => {
  it('folds stress and length into the phonemes they mark and adds edge tokens', () => {
    const t = toTtsTokens(symbolsToIds(['h', 'ə', 'l', 'ˈ', 'o', 'ʊ', ' ', 'ˌ', 'i', 'ː']));
    expect(idsToSymbols(t.ids)).toEqual([' ', 'h', 'ə', 'l', 'o', 'ʊ', ' ', 'i', ' ']);
    // modifier = stress * 2 + long
    expect(Array.from(t.modifiers)).toEqual([0, 0, 0, 0, 2, 0, 0, 5, 0]);
  });

  it('keeps every sound of real G2P output and drops only the marks', async () => {
    const p = await textToPhonemes('The quick brown fox, seventeen times.');
    const t = toTtsTokens(p.ids);
    const marks = p.phonemes.filter((s) => s === 'ˈ' || s === 'ˌ' || s === 'ː').length;
    expect(t.ids.length).toBe(p.ids.length - marks + 2);
    expect(idsToSymbols(t.ids).some((s) => s === 'ˈ' || s === 'ː')).toBe(false);
  });
});
