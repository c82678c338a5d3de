// English number words for the text normalizer: cardinals, ordinals, years, decimals, digit strings, plurals.
// Wraps npm number-to-words (exact up to 2^53) and adds what it lacks: no group commas, decimals, digit reading.

import numberToWords from 'number-to-words';

const DIGIT_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** Reads each digit on its own: "007" → "zero zero seven". */
export function digitWords(digits: string): string {
  return [...digits].map((d) => DIGIT_WORDS[Number(d)]).join(' ');
}

/** True when a digit string is read as one number (no leading zero, exact as a JS number). */
function readableAsNumber(digits: string): boolean {
  return (digits.length === 1 || !digits.startsWith('0')) && Number(digits) <= Number.MAX_SAFE_INTEGER;
}

/** "1234" → "one thousand two hundred thirty-four"; leading zeros or > 2^53 are read digit by digit. */
export function cardinalWords(digits: string): string {
  if (!readableAsNumber(digits)) return digitWords(digits);
  return numberToWords.toWords(Number(digits)).replace(/,/g, '');
}

/** "22" → "twenty-second"; numbers too long to read as one are read digit by digit with "th". */
export function ordinalWords(digits: string): string {
  if (!readableAsNumber(digits)) return `${digitWords(digits)}th`;
  return numberToWords.toWordsOrdinal(Number(digits)).replace(/,/g, '');
}

/** "3", "14" → "three point one four"; an empty integer part reads as "point one four". */
export function decimalWords(intDigits: string, fracDigits: string): string {
  const frac = `point ${digitWords(fracDigits)}`;
  return intDigits === '' ? frac : `${cardinalWords(intDigits)} ${frac}`;
}

/** Years (a non-negative integer) the American way: 1999 → "nineteen ninety-nine", 2005 → "two thousand five", 1905 → "nineteen oh five". */
export function yearWords(year: number): string {
  if (year % 1000 === 0 || (year >= 2000 && year < 2010)) return cardinalWords(String(year));
  const hi = Math.floor(year / 100);
  const lo = year % 100;
  if (lo === 0) return `${cardinalWords(String(hi))} hundred`;
  if (lo < 10) return `${cardinalWords(String(hi))} oh ${DIGIT_WORDS[lo]}`;
  return `${cardinalWords(String(hi))} ${cardinalWords(String(lo))}`;
}

/** Plural of a number phrase, on its last word: "nineteen ninety" → "nineteen nineties", "six" → "sixes". */
export function pluralWords(phrase: string): string {
  return phrase.replace(/([a-z]+)$/, (w: string) => {
    if (w.endsWith('y')) return `${w.slice(0, -1)}ies`;
    if (w.endsWith('x')) return `${w}es`;
    return `${w}s`;
  });
}
