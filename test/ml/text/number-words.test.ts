// Tests for the English number words the normalizer builds on: cardinals, ordinals, years, decimals, plurals.
// Exact strings: these words are what the phonemizer reads, so any change here changes the speech.

import { describe, expect, it } from 'vitest';
import { cardinalWords, decimalWords, digitWords, ordinalWords, pluralWords, yearWords } from '../../../ml/text/number-words';

describe('number words', () => {
  it('reads cardinals without the group commas of number-to-words', () => {
    expect(cardinalWords('0')).toBe('zero');
    expect(cardinalWords('21')).toBe('twenty-one');
    expect(cardinalWords('1234')).toBe('one thousand two hundred thirty-four');
    expect(cardinalWords('1000000')).toBe('one million');
    expect(cardinalWords('123456789012')).toBe(
      'one hundred twenty-three billion four hundred fifty-six million seven hundred eighty-nine thousand twelve',
    );
  });

  it('reads leading zeros and numbers beyond 2^53 digit by digit', () => {
    expect(cardinalWords('007')).toBe('zero zero seven');
    expect(cardinalWords('12345678901234567890')).toBe(
      'one two three four five six seven eight nine zero one two three four five six seven eight nine zero',
    );
    expect(digitWords('905')).toBe('nine zero five');
  });

  it('reads ordinals', () => {
    expect(ordinalWords('1')).toBe('first');
    expect(ordinalWords('22')).toBe('twenty-second');
    expect(ordinalWords('101')).toBe('one hundred first');
    expect(ordinalWords('1000')).toBe('one thousandth');
  });

  it('reads decimals', () => {
    expect(decimalWords('3', '14')).toBe('three point one four');
    expect(decimalWords('', '5')).toBe('point five');
    expect(decimalWords('0', '05')).toBe('zero point zero five');
  });

  it('reads years the American way', () => {
    expect(yearWords(1999)).toBe('nineteen ninety-nine');
    expect(yearWords(2005)).toBe('two thousand five');
    expect(yearWords(2000)).toBe('two thousand');
    expect(yearWords(2024)).toBe('twenty twenty-four');
    expect(yearWords(1900)).toBe('nineteen hundred');
    expect(yearWords(1905)).toBe('nineteen oh five');
    expect(yearWords(1066)).toBe('ten sixty-six');
  });

  it('makes plurals on the last word', () => {
    expect(pluralWords('nineteen ninety')).toBe('nineteen nineties');
    expect(pluralWords('six')).toBe('sixes');
    expect(pluralWords('seven')).toBe('sevens');
  });
});
