// Tests for the shared phoneme inventory: a literal snapshot of symbols and version (so changes are deliberate),
// id round trips, clear errors for bad ids, and the mapping of foreign IPA into the inventory.

import { describe, expect, it } from 'vitest';
import { isVoiceCloneError } from '../../../ml/errors';
import {
  PAUSE,
  PHONEME_INVENTORY,
  PHONEME_INVENTORY_VERSION,
  WORD_BOUNDARY,
  idsToSymbols,
  ipaToSymbols,
  isPauseSymbol,
  phonemeId,
  punctuationSymbol,
  symbolsToIds,
} from '../../../ml/text/phonemes';

describe('phoneme inventory', () => {
  it('matches the snapshot of its version (change both together, and retrain every model)', () => {
    expect(PHONEME_INVENTORY_VERSION).toBe('espeak-en-us-ipa-1');
    expect(PHONEME_INVENTORY.join(' | ')).toBe(
      '_ |   | , | . | ? | ! | … | ˈ | ˌ | ː | i | ɪ | e | ɛ | æ | a | ɑ | ɔ | o | ʊ | u | ʌ | ə | ɚ | ɜ | ɐ | ᵻ | ' +
        'p | b | t | d | k | ɡ | ʔ | f | v | θ | ð | s | z | ʃ | ʒ | h | x | m | n | ŋ | l | ɬ | r | ɹ | ɾ | j | w | ' +
        '\u0329 | \u0303 | ʲ',
    );
    expect(PHONEME_INVENTORY.length).toBe(57);
    expect(new Set(PHONEME_INVENTORY).size).toBe(PHONEME_INVENTORY.length);
    expect(Object.isFrozen(PHONEME_INVENTORY)).toBe(true);
  });

  it('puts pad at 0 and the word boundary at 1', () => {
    expect(phonemeId('_')).toBe(0);
    expect(phonemeId(WORD_BOUNDARY)).toBe(1);
    expect(phonemeId('Q')).toBeUndefined();
  });

  it('round-trips every symbol through its id', () => {
    const ids = symbolsToIds(PHONEME_INVENTORY);
    expect(Array.from(ids)).toEqual(PHONEME_INVENTORY.map((_s, i) => i));
    expect(idsToSymbols(ids)).toEqual([...PHONEME_INVENTORY]);
  });

  it('fails clearly on ids and symbols outside the inventory', () => {
    for (const bad of [[57], [-1], [1.5]]) {
      let error: unknown;
      try {
        idsToSymbols(bad);
      } catch (e) {
        error = e;
      }
      expect(isVoiceCloneError(error) && error.code === 'BAD_ARGUMENT').toBe(true);
      expect((error as Error).message).toMatch(/outside inventory espeak-en-us-ipa-1/);
    }
    expect(() => symbolsToIds(['Q'])).toThrow(/not in phoneme inventory/);
  });

  it('maps pause marks to tokens', () => {
    expect([',', '.', '?', '!', ';', ':', '...'].map(punctuationSymbol)).toEqual([',', '.', '?', '!', PAUSE, PAUSE, PAUSE]);
    expect(punctuationSymbol('-')).toBeUndefined();
    expect(isPauseSymbol(PAUSE) && isPauseSymbol('?') && !isPauseSymbol('a') && !isPauseSymbol(WORD_BOUNDARY)).toBe(true);
  });
});

describe('ipaToSymbols', () => {
  it('splits espeak IPA into code points with word boundaries', () => {
    expect(ipaToSymbols('həlˈoʊ  wˈɜːld')).toEqual(['h', 'ə', 'l', 'ˈ', 'o', 'ʊ', ' ', 'w', 'ˈ', 'ɜ', 'ː', 'l', 'd']);
    expect(ipaToSymbols(' bˈʌʔn̩ ')).toEqual(['b', 'ˈ', 'ʌ', 'ʔ', 'n', '\u0329']);
  });

  it('maps foreign IPA to the nearest known symbols and drops the rest', () => {
    expect(ipaToSymbols('(fr)bɔ̃ʒuʁ(en)')).toEqual(['b', 'ɔ', '\u0303', 'ʒ', 'u', 'ɹ']);
    expect(ipaToSymbols('ʧɲgç')).toEqual(['t', 'ʃ', 'n', 'j', 'ɡ', 'h']);
    expect(ipaToSymbols('ĩ')).toEqual(['i', '\u0303']);
    expect(ipaToSymbols('a☃ǃb')).toEqual(['a', 'b']);
    expect(ipaToSymbols('☃')).toEqual([]);
  });

  it('only ever returns inventory symbols', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let n = 0; n < 200; n++) {
      const text = String.fromCodePoint(...Array.from({ length: 30 }, () => next() % 0x3000));
      for (const s of ipaToSymbols(text)) expect(phonemeId(s)).toBeDefined();
    }
  });
});
