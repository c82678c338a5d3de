// The one phoneme inventory every model shares: fixed symbol order, ids, and the mapping of raw espeak-ng IPA into it.
// One token per IPA code point (stress ˈ ˌ, length ː and diacritics are tokens of their own), as Piper/VITS do.

import { VoiceCloneError } from '../errors';

/** Bump when PHONEME_INVENTORY changes: every model trained on the old ids must then be retrained. */
export const PHONEME_INVENTORY_VERSION = 'espeak-en-us-ipa-1';

export const PAD = '_';
export const WORD_BOUNDARY = ' ';
/** Generic pause, written for ; : and "..." (and any dash the normalizer turned into one). */
export const PAUSE = '…';

/**
 * Id = index. 0 pad, 1 word boundary, 2-6 pause marks, then stress/length, vowels, consonants, diacritics:
 * every code point espeak-ng en-us writes (measured on the 125k words of CMUdict), nothing else.
 */
export const PHONEME_INVENTORY: readonly string[] = Object.freeze([
  PAD, WORD_BOUNDARY, ',', '.', '?', '!', PAUSE,
  'ˈ', 'ˌ', 'ː',
  'i', 'ɪ', 'e', 'ɛ', 'æ', 'a', 'ɑ', 'ɔ', 'o', 'ʊ', 'u', 'ʌ', 'ə', 'ɚ', 'ɜ', 'ɐ', 'ᵻ',
  'p', 'b', 't', 'd', 'k', 'ɡ', 'ʔ',
  'f', 'v', 'θ', 'ð', 's', 'z', 'ʃ', 'ʒ', 'h', 'x',
  'm', 'n', 'ŋ',
  'l', 'ɬ', 'r', 'ɹ', 'ɾ', 'j', 'w',
  '\u0329', '\u0303', 'ʲ',
]);

const PAUSE_SYMBOLS: ReadonlySet<string> = new Set([',', '.', '?', '!', PAUSE]);

const ID_BY_SYMBOL: ReadonlyMap<string, number> = new Map(PHONEME_INVENTORY.map((s, i) => [s, i]));

/** Pause marks of the normalized text → inventory tokens. */
const PUNCTUATION_SYMBOLS: Record<string, string> = { ',': ',', '.': '.', '?': '?', '!': '!', ';': PAUSE, ':': PAUSE, '...': PAUSE };

/**
 * Nearest inventory symbols for IPA that en-us never writes (other voices, other languages). Anything neither in
 * the inventory nor here is decomposed (NFD) and its known parts kept ("ĩ" → i + ̃), else dropped.
 */
const NEAREST: Record<string, string> = {
  g: 'ɡ', 'ɝ': 'ɚ', 'ɒ': 'ɑ', 'ɘ': 'ə', 'ɵ': 'ə', 'ɤ': 'ʌ', 'ɨ': 'ᵻ', 'ʉ': 'u', 'ɯ': 'u', y: 'i', 'ʏ': 'ɪ',
  'ø': 'ə', 'œ': 'ɛ', 'ɶ': 'a', 'ɞ': 'ɜ', 'ɣ': 'ɡ', 'β': 'b', 'ɸ': 'f', 'ç': 'h', 'ʝ': 'j', 'χ': 'x',
  'ʁ': 'ɹ', 'ʀ': 'r', 'ɲ': 'nj', 'ɳ': 'n', 'ɱ': 'm', 'ɴ': 'ŋ', 'ʎ': 'lj', 'ɭ': 'l', 'ʟ': 'l', 'ɫ': 'l',
  'ɺ': 'ɾ', 'ɽ': 'ɾ', 'ʂ': 'ʃ', 'ʐ': 'ʒ', 'ɕ': 'ʃ', 'ʑ': 'ʒ', 'ɦ': 'h', 'ħ': 'h', 'ʕ': 'ʔ', 'ʋ': 'v',
  c: 'k', 'ɟ': 'ɡ', q: 'k', 'ɢ': 'ɡ', 'ʈ': 't', 'ɖ': 'd', 'ʤ': 'dʒ', 'ʧ': 'tʃ', 'ʦ': 'ts', 'ʣ': 'dz',
};

/** Id of an inventory symbol, or undefined when the symbol is not in the inventory. */
export function phonemeId(symbol: string): number | undefined {
  return ID_BY_SYMBOL.get(symbol);
}

/** Inventory token for a pause mark of the normalized text (. , ? ! ; : ...), or undefined. */
export function punctuationSymbol(mark: string): string | undefined {
  return PUNCTUATION_SYMBOLS[mark];
}

/** True for the pause tokens , . ? ! and PAUSE. */
export function isPauseSymbol(symbol: string | undefined): boolean {
  return symbol !== undefined && PAUSE_SYMBOLS.has(symbol);
}

/** Ids of inventory symbols; a symbol outside the inventory is a programming error and throws BAD_ARGUMENT. */
export function symbolsToIds(symbols: readonly string[]): Int32Array {
  const ids = new Int32Array(symbols.length);
  symbols.forEach((s, i) => {
    const id = ID_BY_SYMBOL.get(s);
    if (id === undefined) {
      throw new VoiceCloneError('BAD_ARGUMENT', `"${s}" is not in phoneme inventory ${PHONEME_INVENTORY_VERSION}.`);
    }
    ids[i] = id;
  });
  return ids;
}

/** Symbols of ids; an id outside 0..inventory size-1 throws BAD_ARGUMENT. */
export function idsToSymbols(ids: ArrayLike<number>): string[] {
  return Array.from(ids, (id) => {
    const symbol = Number.isInteger(id) ? PHONEME_INVENTORY[id] : undefined;
    if (symbol === undefined) {
      throw new VoiceCloneError(
        'BAD_ARGUMENT',
        `Phoneme id ${id} is outside inventory ${PHONEME_INVENTORY_VERSION} (0-${PHONEME_INVENTORY.length - 1}).`,
      );
    }
    return symbol;
  });
}

function mapCodePoint(c: string): string[] {
  if (ID_BY_SYMBOL.has(c)) return [c];
  const near = NEAREST[c];
  if (near !== undefined) return [...near];
  const parts = [...c.normalize('NFD')];
  return parts.length > 1 ? parts.flatMap(mapCodePoint) : [];
}

/**
 * Splits one espeak-ng IPA string into inventory symbols. Spaces become WORD_BOUNDARY (never doubled, never at
 * the ends); language-switch marks like "(fr)" are removed; unknown symbols map to the nearest known ones or drop.
 */
export function ipaToSymbols(ipa: string): string[] {
  const out: string[] = [];
  for (const c of ipa.normalize('NFC').replace(/\([a-z-]*\)/g, '')) {
    if (/\s/.test(c)) {
      if (out.length > 0 && out[out.length - 1] !== WORD_BOUNDARY) out.push(WORD_BOUNDARY);
      continue;
    }
    out.push(...mapCodePoint(c));
  }
  if (out[out.length - 1] === WORD_BOUNDARY) out.pop();
  return out;
}
