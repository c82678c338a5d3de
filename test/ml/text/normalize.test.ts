// Tests for the TTS text normalizer and sentence splitter: exact expected strings for every kind of written form,
// idempotence, and that no input (emoji, other scripts, control characters, lone surrogates) can make it throw.

import { describe, expect, it } from 'vitest';
import { MAX_SENTENCE_CHARS, normalizeText, splitSentences } from '../../../ml/text/normalize';

const CASES: [string, string][] = [
  // Plain text and whitespace.
  ['Hello, world!', 'Hello, world!'],
  ['  lots   of \t space ', 'lots of space'],
  ['first line\nsecond line', 'first line. second line'],
  ['', ''],
  // Cardinals, negatives, decimals, separators, big numbers.
  ['I have 3 cats.', 'I have three cats.'],
  ['-12 and 3.14 and .5', 'minus twelve and three point one four and point five'],
  ['1,234,567 people', 'one million two hundred thirty-four thousand five hundred sixty-seven people'],
  ['100,000 and 1,000,000,000', 'one hundred thousand and one billion'],
  ['agent 007', 'agent zero zero seven'],
  ['version 2.0.1', 'version two point zero point one'],
  ['ＡＢＣ １２３', 'ABC one hundred twenty-three'],
  // Ordinals.
  ['the 1st, 22nd, 3rd and 101st', 'the first, twenty-second, third and one hundred first'],
  // Money.
  ['$5', 'five dollars'],
  ['$1', 'one dollar'],
  ['$3.50', 'three dollars and fifty cents'],
  ['$0.99', 'ninety-nine cents'],
  ['$1,250.75', 'one thousand two hundred fifty dollars and seventy-five cents'],
  ['$2.5 million', 'two point five million dollars'],
  ['$5M and $2bn and €3.5k', 'five million dollars and two billion dollars and three point five thousand euros'],
  ['£2', 'two pounds'],
  ['£2.01 and £0.50', 'two pounds and one penny and fifty pence'],
  ['€10', 'ten euros'],
  ['¥100', 'one hundred yen'],
  ['5 USD', 'five dollars'],
  ['1 USD and USD 2.50', 'one dollar and two dollars and fifty cents'],
  ['-$5', 'minus five dollars'],
  ['50¢', 'fifty cents'],
  // Percentages.
  ['50% and -2.5%', 'fifty percent and minus two point five percent'],
  // Dates.
  ['2024-03-05', 'March fifth, twenty twenty-four'],
  ['03/05/2024', 'March fifth, twenty twenty-four'],
  ['March 5, 2024', 'March fifth, twenty twenty-four'],
  ['on June 2nd, 1999', 'on June second, nineteen ninety-nine'],
  ['Jan. 15', 'January fifteenth'],
  ['5 March 2024', 'the fifth of March, twenty twenty-four'],
  ['2nd of June', 'the second of June'],
  ['2024-13-45', 'twenty twenty-four to thirteen to forty-five'],
  // Times.
  ['3:30 pm', 'three thirty p m'],
  ['14:05', 'fourteen oh five'],
  ['14:00', 'fourteen hundred'],
  ['at 9 a.m. and 12:00 PM.', 'at nine a m and twelve p m.'],
  ['Meet at 10 a.m. Tomorrow.', 'Meet at ten a m. Tomorrow.'],
  ['10:30:15', 'ten thirty and fifteen seconds'],
  // Years and decades.
  ['In 1999, 2005, 2024, 1900 and 1905.', 'In nineteen ninety-nine, two thousand five, twenty twenty-four, nineteen hundred and nineteen oh five.'],
  ['the 1990s and the 80s', 'the nineteen nineties and the eighties'],
  // Abbreviations.
  ['Mr. Smith met Mrs. Jones and Ms. Lee.', 'mister Smith met missus Jones and miz Lee.'],
  ['Meet Dr. Jones on Elm Dr. Then go.', 'Meet doctor Jones on Elm drive. Then go.'],
  ['See St. Louis. I live on Main St. It is nice.', 'See saint Louis. I live on Main street. It is nice.'],
  ['apples, pears, etc. Then more', 'apples, pears, et cetera. Then more'],
  ['fruit, e.g. apples, i.e. food', 'fruit, for example apples, that is food'],
  ['cats vs. dogs vs birds', 'cats versus dogs versus birds'],
  ['Room No. 7 and no. of items', 'Room number seven and no. of items'],
  ['Apple Inc. is big', 'Apple incorporated is big'],
  ['The U.S.A. is big. J. K. Rowling wrote it.', 'The U S A is big. J K Rowling wrote it.'],
  // Units.
  ['5 km, 1 kg, 3.5 GB', 'five kilometers, one kilogram, three point five gigabytes'],
  ['100 km/h and 60 mph', 'one hundred kilometers per hour and sixty miles per hour'],
  ['25°C and -5°F', 'twenty-five degrees Celsius and minus five degrees Fahrenheit'],
  ['3.5 m long, 1 m wide, 2 mins', 'three point five meters long, one meter wide, two minutes'],
  // Symbols, ranges, fractions, phone numbers, mixed letters and digits.
  ['Tom & Jerry + 2 @ home = fun #1', 'Tom and Jerry plus two at home equals fun number one'],
  ['Is 5 < 6 > 4', 'Is five less than six greater than four'],
  ['10-20 pages', 'ten to twenty pages'],
  ['1/2 cup, 3/4 and 2/3', 'one half cup, three quarters and two thirds'],
  ['24/7 service', 'twenty-four seven service'],
  ['Call 555-1234 now', 'Call five five five, one two three four now'],
  ['MP3 and 3D', 'MP three and three D'],
  ['email john.doe@example.com or www.google.com', 'email john dot doe at example dot com or w w w dot google dot com'],
  // Punctuation.
  ['“Quoted” ‘single’ — dash – and… ellipsis', 'Quoted single, dash, and... ellipsis'],
  ['Wait... what?! Really??', 'Wait... what? Really?'],
  ['Hi!!!', 'Hi!'],
  ['ok . . . fine', 'ok... fine'],
  ['one,two', 'one, two'],
  ['(aside) text', 'aside, text'],
  ["don't 'quote' dogs' O'Brien well-known", "don't quote dogs O'Brien well-known"],
  ['semi; colon: here', 'semi; colon: here'],
  // Unicode: accents, ligatures, other scripts, emoji.
  ['café naïve Ærø', 'cafe naive AEro'],
  ['ﬁne', 'fine'],
  ['Здравствуйте', 'Zdravstvuyte'],
  ['你好，世界', 'Ni Hao, Shi Jie'],
  ['I 😀 love 👍🏽 flags 🇺🇸', 'I love flags'],
  ['😀👍', ''],
  ['a\u0000b\u0007c', 'a b c'],
];

describe('normalizeText', () => {
  it.each(CASES)('%j → %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('is idempotent on every case', () => {
    for (const [input] of CASES) {
      const once = normalizeText(input);
      expect(normalizeText(once)).toBe(once);
    }
  });

  it('leaves only ASCII letters, apostrophes, hyphens, pause marks and single spaces', () => {
    for (const [input] of CASES) expect(normalizeText(input)).toMatch(/^(?:[A-Za-z'\-.,?!;:]+(?: |$))*$/);
  });

  it('never throws on arbitrary code points', () => {
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let n = 0; n < 300; n++) {
      const codes = Array.from({ length: 40 }, () => next() % 0x30000);
      const text = String.fromCharCode(...codes.filter((c) => c <= 0xffff)) + String.fromCodePoint(...codes.filter((c) => c > 0xffff));
      expect(typeof normalizeText(text)).toBe('string');
    }
  });
});

describe('splitSentences', () => {
  it('splits on sentence punctuation and keeps abbreviations intact', () => {
    expect(splitSentences('Dr. Smith arrived at 3 p.m. today. He said hi! Did you see Mr. Jones? Yes... I did.')).toEqual([
      'doctor Smith arrived at three p m today.',
      'He said hi!',
      'Did you see mister Jones?',
      'Yes...',
      'I did.',
    ]);
  });

  it('cuts long sentences at a comma, else at a space, within the cap', () => {
    const commas = `${'word, '.repeat(60)}end.`;
    const pieces = splitSentences(commas);
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
    expect(pieces.slice(0, -1).every((p) => p.endsWith(','))).toBe(true);
    expect(pieces.join(' ')).toBe(normalizeText(commas));

    const spaces = `${'word '.repeat(100)}end.`;
    const spacePieces = splitSentences(spaces);
    for (const p of spacePieces) expect(p.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
    expect(spacePieces.join(' ')).toBe(normalizeText(spaces));
  });

  it('hard-cuts one giant word', () => {
    const pieces = splitSentences('x'.repeat(450));
    expect(pieces.map((p) => p.length)).toEqual([200, 200, 50]);
  });

  it('returns nothing for text with nothing speakable', () => {
    expect(splitSentences('😀 🎉')).toEqual([]);
    expect(splitSentences('   ')).toEqual([]);
  });
});
