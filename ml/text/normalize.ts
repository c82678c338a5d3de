// English text normalizer for TTS: turns numbers, dates, times, money, units, abbreviations and symbols into words,
// transliterates other scripts to Latin, drops emoji, and keeps only letters, ' - and the pause marks . , ? ! ; : ...

import { transliterate } from 'transliteration';
import { cardinalWords, decimalWords, digitWords, ordinalWords, pluralWords, yearWords } from './number-words';

/** Longest piece `splitSentences` returns; longer sentences are cut at a comma, else at a space. */
export const MAX_SENTENCE_CHARS = 200;

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];
/** "Jan", "Sept", "March" → month index; only capitalised names and abbreviations count. */
const MONTH_NAME = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)';

/** A number as written: 1,234,567.89 or 1234 or .5 (no sign). */
const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+`;

interface Currency {
  one: string;
  many: string;
  minorOne?: string;
  minorMany?: string;
}

const DOLLAR: Currency = { one: 'dollar', many: 'dollars', minorOne: 'cent', minorMany: 'cents' };
const CURRENCY_BY_SYMBOL: Record<string, Currency> = {
  $: DOLLAR,
  '€': { one: 'euro', many: 'euros', minorOne: 'cent', minorMany: 'cents' },
  '£': { one: 'pound', many: 'pounds', minorOne: 'penny', minorMany: 'pence' },
  '¥': { one: 'yen', many: 'yen' },
  '₹': { one: 'rupee', many: 'rupees', minorOne: 'paisa', minorMany: 'paise' },
};
const CURRENCY_BY_CODE: Record<string, Currency> = {
  USD: DOLLAR,
  EUR: CURRENCY_BY_SYMBOL['€'],
  GBP: CURRENCY_BY_SYMBOL['£'],
  JPY: CURRENCY_BY_SYMBOL['¥'],
  INR: CURRENCY_BY_SYMBOL['₹'],
  CAD: { one: 'Canadian dollar', many: 'Canadian dollars', minorOne: 'cent', minorMany: 'cents' },
  AUD: { one: 'Australian dollar', many: 'Australian dollars', minorOne: 'cent', minorMany: 'cents' },
};

/** Unit symbol → [singular, plural]; only read after a number. */
const UNITS: Record<string, [string, string]> = {
  'km/h': ['kilometer per hour', 'kilometers per hour'],
  kph: ['kilometer per hour', 'kilometers per hour'],
  mph: ['mile per hour', 'miles per hour'],
  km: ['kilometer', 'kilometers'],
  m: ['meter', 'meters'],
  cm: ['centimeter', 'centimeters'],
  mm: ['millimeter', 'millimeters'],
  mi: ['mile', 'miles'],
  ft: ['foot', 'feet'],
  kg: ['kilogram', 'kilograms'],
  g: ['gram', 'grams'],
  mg: ['milligram', 'milligrams'],
  lb: ['pound', 'pounds'],
  lbs: ['pound', 'pounds'],
  oz: ['ounce', 'ounces'],
  ml: ['milliliter', 'milliliters'],
  mL: ['milliliter', 'milliliters'],
  L: ['liter', 'liters'],
  KB: ['kilobyte', 'kilobytes'],
  kB: ['kilobyte', 'kilobytes'],
  MB: ['megabyte', 'megabytes'],
  GB: ['gigabyte', 'gigabytes'],
  TB: ['terabyte', 'terabytes'],
  Hz: ['hertz', 'hertz'],
  kHz: ['kilohertz', 'kilohertz'],
  MHz: ['megahertz', 'megahertz'],
  GHz: ['gigahertz', 'gigahertz'],
  ms: ['millisecond', 'milliseconds'],
  sec: ['second', 'seconds'],
  secs: ['second', 'seconds'],
  min: ['minute', 'minutes'],
  mins: ['minute', 'minutes'],
  h: ['hour', 'hours'],
  hr: ['hour', 'hours'],
  hrs: ['hour', 'hours'],
  '°C': ['degree Celsius', 'degrees Celsius'],
  '°F': ['degree Fahrenheit', 'degrees Fahrenheit'],
  '°': ['degree', 'degrees'],
  kW: ['kilowatt', 'kilowatts'],
  W: ['watt', 'watts'],
  V: ['volt', 'volts'],
};
const UNIT_PATTERN = Object.keys(UNITS)
  .sort((a, b) => b.length - a.length)
  .map((u) => u.replace(/[/]/g, '\\/'))
  .join('|');

/** Abbreviations always expanded the same way (the period is part of the abbreviation). */
const TITLES: Record<string, string> = {
  Mr: 'mister',
  Mrs: 'missus',
  Ms: 'miz',
  Prof: 'professor',
  Capt: 'captain',
  Gen: 'general',
  Lt: 'lieutenant',
  Col: 'colonel',
  Sgt: 'sergeant',
  Rev: 'reverend',
  Gov: 'governor',
  Sen: 'senator',
  Mt: 'mount',
  Ft: 'fort',
};
/** Abbreviations that often end a sentence: the sentence period is kept when one follows. */
const TRAILING_ABBREVIATIONS: Record<string, string> = {
  etc: 'et cetera',
  Jr: 'junior',
  Sr: 'senior',
  Inc: 'incorporated',
  Ltd: 'limited',
  Corp: 'corporation',
  Co: 'company',
  Ave: 'avenue',
  Rd: 'road',
  Blvd: 'boulevard',
  Apt: 'apartment',
  Dept: 'department',
  approx: 'approximately',
  vs: 'versus',
};

/** Typographic punctuation → ASCII (NFKC has already folded full-width forms and "…" → "..."). */
const PUNCTUATION_MAP: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'", '\u02BC': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u2033': '"', '\u00AB': '"', '\u00BB': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2212': '-',
  '\u2014': ', ', '\u2015': ', ',
  '\u3002': '.', '\u3001': ',', '\u00A1': '', '\u00BF': '', '\u00B7': ' ',
};

/** Code points kept through transliteration because the money and unit rules read them. */
const KEPT_SYMBOLS = '£€¥₹¢°';

/** True when the text after a match starts a new sentence (end of text, or space then a capital letter). */
function startsNewSentence(text: string, end: number): boolean {
  return /^(?:\s*$|\s+["']?[A-Z])/.test(text.slice(end));
}

/** Keeps the sentence period an abbreviation's own period swallowed. */
function sentencePeriod(match: string, offset: number, text: string): string {
  return match.endsWith('.') && startsNewSentence(text, offset + match.length) ? '.' : '';
}

/**
 * "Dr." / "St." name a place (drive, street) unless a capitalised name follows; they also do after a capitalised
 * word that does not start the sentence ("Elm St. Then" → street; "See St. Louis" → saint).
 */
function isPlaceAbbreviation(match: string, offset: number, text: string): boolean {
  if (!/^\s+[A-Z]/.test(text.slice(offset + match.length))) return true;
  const before = text.slice(0, offset);
  return /[A-Z][\w']*\s+$/.test(before) && !/(?:^|[.!?]\s+)[A-Z][\w']*\s+$/.test(before);
}

/** Reads a number as written (no sign): separators, decimals, leading zeros. */
function numberWords(written: string): string {
  const plain = written.replace(/,/g, '');
  const dot = plain.indexOf('.');
  return dot < 0 ? cardinalWords(plain) : decimalWords(plain.slice(0, dot), plain.slice(dot + 1));
}

function isOne(written: string): boolean {
  return written === '1';
}

function moneyWords(amount: string, currency: Currency, magnitude: string | undefined): string {
  const plain = amount.replace(/,/g, '');
  if (magnitude) return `${numberWords(plain)} ${magnitude} ${currency.many}`;
  const [whole = '', frac = ''] = plain.split('.');
  const hasMinor = currency.minorMany !== undefined && currency.minorOne !== undefined && frac.length > 0 && frac.length <= 2;
  if (!hasMinor) return `${numberWords(plain)} ${isOne(plain) ? currency.one : currency.many}`;
  const minorValue = Number(frac.padEnd(2, '0'));
  const minor = `${cardinalWords(String(minorValue))} ${minorValue === 1 ? currency.minorOne : currency.minorMany}`;
  const major = whole === '' || Number(whole) === 0 ? '' : `${cardinalWords(whole)} ${Number(whole) === 1 ? currency.one : currency.many}`;
  if (minorValue === 0) return major || `zero ${currency.many}`;
  return major ? `${major} and ${minor}` : minor;
}

const MAGNITUDES: Record<string, string> = {
  thousand: 'thousand', million: 'million', billion: 'billion', trillion: 'trillion',
  k: 'thousand', K: 'thousand', M: 'million', bn: 'billion', B: 'billion',
};

function monthIndex(name: string): number {
  return MONTHS.findIndex((m) => m.startsWith(name));
}

function dateWords(month: number, day: number, year: string | undefined): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const md = `${MONTHS[month - 1]} ${ordinalWords(String(day))}`;
  return year === undefined ? md : `${md}, ${yearLike(year)}`;
}

/** A 4-digit year as a year; a 2-digit one as "oh five" / "twenty-four". */
function yearLike(digits: string): string {
  if (digits.length === 4) return yearWords(Number(digits));
  return digits.startsWith('0') ? `oh ${digitWords(digits.slice(1))}` : cardinalWords(digits);
}

function clockWords(h: number, m: number, s: number | undefined, suffix: string | undefined): string | undefined {
  const twelveHour = suffix !== undefined;
  if (m > 59 || (s !== undefined && s > 59) || h > (twelveHour ? 12 : 23) || (twelveHour && h === 0)) return undefined;
  let minutes = '';
  if (m === 0) minutes = twelveHour ? '' : ' hundred';
  else if (m < 10) minutes = ` oh ${digitWords(String(m))}`;
  else minutes = ` ${cardinalWords(String(m))}`;
  const seconds = s === undefined ? '' : ` and ${cardinalWords(String(s))} ${s === 1 ? 'second' : 'seconds'}`;
  const ampm = twelveHour ? ` ${suffix.toLowerCase()} m` : '';
  return `${cardinalWords(String(h))}${minutes}${seconds}${ampm}`;
}

/** Proper fractions up to twentieths (and any halves or quarters) in words; others as two numbers: 24/7, 50/50. */
function fractionWords(num: string, den: string): string {
  const d = Number(den);
  const n = cardinalWords(num);
  const single = num === '1';
  if (d === 2) return `${n} ${single ? 'half' : 'halves'}`;
  if (d === 4) return `${n} ${single ? 'quarter' : 'quarters'}`;
  if (d >= 3 && d <= 20 && Number(num) < d) return `${n} ${ordinalWords(den)}${single ? '' : 's'}`;
  return `${n} ${cardinalWords(den)}`;
}

type Rule = [RegExp, (match: string, ...args: any[]) => string];

/** Rules applied in order to ASCII text (plus KEPT_SYMBOLS); each turns one written form into words. */
const RULES: Rule[] = [
  // Web addresses and e-mail.
  [/\bhttps?:\/\//gi, () => ''],
  [/\bwww\./gi, () => 'w w w dot '],
  [/\b([A-Za-z0-9._%+-]+)@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})\b/g,
    (_m, user: string, domain: string) => `${user.replace(/\./g, ' dot ')} at ${domain.replace(/\./g, ' dot ')}`],
  [/\b([A-Za-z0-9-]+)\.(com|org|net|edu|gov|io|dev|app)\b/g, (_m, name: string, tld: string) => `${name} dot ${tld}`],
  // Latin abbreviations.
  [/\be\.g\.(?=\s|$|,)/gi, () => 'for example'],
  [/\bi\.e\.(?=\s|$|,)/gi, () => 'that is'],
  [/\bNo\.\s?(?=\d)/g, () => 'number '],
  [/#(?=\d)/g, () => 'number '],
  // Titles and street words.
  [/\bDr\.(?=\s|$)/g, (m: string, offset: number, text: string) =>
    isPlaceAbbreviation(m, offset, text) ? `drive${sentencePeriod(m, offset, text)}` : 'doctor'],
  [/\bSt\.(?=\s|$)/g, (m: string, offset: number, text: string) =>
    isPlaceAbbreviation(m, offset, text) ? `street${sentencePeriod(m, offset, text)}` : 'saint'],
  [new RegExp(String.raw`\b(${Object.keys(TITLES).join('|')})\.(?=\s|$)`, 'g'), (_m, t: string) => TITLES[t]],
  [new RegExp(String.raw`\b(${Object.keys(TRAILING_ABBREVIATIONS).join('|')})\.(?=\s|$|,)`, 'g'),
    (m: string, t: string, offset: number, text: string) => `${TRAILING_ABBREVIATIONS[t]}${sentencePeriod(m, offset, text)}`],
  [/\bvs\b/g, () => 'versus'],
  // Dates.
  [/\b(\d{4})-(\d{2})-(\d{2})\b/g, (m: string, y: string, mo: string, d: string) => dateWords(Number(mo), Number(d), y) ?? m],
  [/\b(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})\b/g, (m: string, mo: string, d: string, y: string) => dateWords(Number(mo), Number(d), y) ?? m],
  [new RegExp(String.raw`\b${MONTH_NAME}\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4})\b)?`, 'g'),
    (m: string, name: string, d: string, y: string | undefined) => dateWords(monthIndex(name) + 1, Number(d), y) ?? m],
  [new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH_NAME}\b\.?(?:,?\s+(\d{4})\b)?`, 'g'),
    (m: string, d: string, name: string, y: string | undefined) => {
      if (dateWords(monthIndex(name) + 1, Number(d), y) === undefined) return m;
      return `the ${ordinalWords(d)} of ${MONTHS[monthIndex(name)]}${y === undefined ? '' : `, ${yearLike(y)}`}`;
    }],
  // Times.
  [/\b(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp])\.?\s?[Mm]\b\.?/g,
    (m: string, h: string, mi: string, s: string | undefined, ap: string, offset: number, text: string) => {
      const words = clockWords(Number(h), Number(mi), s === undefined ? undefined : Number(s), ap);
      return words === undefined ? m : `${words}${sentencePeriod(m, offset, text)}`;
    }],
  [/\b(\d{1,2})\s*([AaPp])\.?\s?[Mm]\b\.?/g, (m: string, h: string, ap: string, offset: number, text: string) => {
    const words = clockWords(Number(h), 0, undefined, ap);
    return words === undefined ? m : `${words}${sentencePeriod(m, offset, text)}`;
  }],
  [/\b(\d{1,2}):(\d{2})(?::(\d{2}))?\b/g, (m: string, h: string, mi: string, s: string | undefined) =>
    clockWords(Number(h), Number(mi), s === undefined ? undefined : Number(s), undefined) ?? m],
  // Phone numbers digit by digit: "555-1234", "(555) 123-4567".
  [/(?:\(\d{3}\)\s?|\b\d{3}[\s.-])?\b\d{3}-\d{4}\b/g, (m: string) =>
    ` ${(m.match(/\d+/g) ?? []).map(digitWords).join(', ')} `],
  // Ranges and negative numbers.
  [/(\d)\s?-\s?(?=\d)/g, (_m, d: string) => `${d} to `],
  [/(^|[\s(\[{"'=,;:])-(?=\.?\d)/g, (_m, before: string) => `${before}minus `],
  // Money.
  [new RegExp(String.raw`(-)?([$€£¥₹])\s?(${NUM})(?:\s?(thousand|million|billion|trillion|bn|[kKMB])\b)?`, 'g'),
    (_m, minus: string | undefined, sym: string, amount: string, mag: string | undefined) =>
      `${minus ? 'minus ' : ''}${moneyWords(amount, CURRENCY_BY_SYMBOL[sym], mag && MAGNITUDES[mag])}`],
  [new RegExp(String.raw`(${NUM})\s?(thousand|million|billion|trillion)?\s?(${Object.keys(CURRENCY_BY_CODE).join('|')})\b`, 'g'),
    (_m, amount: string, mag: string | undefined, code: string) => moneyWords(amount, CURRENCY_BY_CODE[code], mag)],
  [new RegExp(String.raw`\b(${Object.keys(CURRENCY_BY_CODE).join('|')})\s?(${NUM})(?:\s?(thousand|million|billion|trillion)\b)?`, 'g'),
    (_m, code: string, amount: string, mag: string | undefined) => moneyWords(amount, CURRENCY_BY_CODE[code], mag)],
  [/(\d+)\s?¢/g, (_m, n: string) => `${cardinalWords(n)} ${n === '1' ? 'cent' : 'cents'}`],
  // Ordinals, percentages and units.
  [/\b(\d{1,3}(?:,\d{3})+|\d+)(st|nd|rd|th)\b/gi, (_m, n: string) => ordinalWords(n.replace(/,/g, ''))],
  [new RegExp(String.raw`(${NUM})\s?%`, 'g'), (_m, n: string) => `${numberWords(n)} percent`],
  [new RegExp(String.raw`(${NUM})\s?(${UNIT_PATTERN})(?![A-Za-z0-9])`, 'g'), (_m, n: string, unit: string) => {
    const [one, many] = UNITS[unit];
    return `${numberWords(n)} ${isOne(n) ? one : many}`;
  }],
  // Fractions.
  [/\b(\d+)\/(\d+)\b/g, (_m, n: string, d: string) => fractionWords(n, d)],
  // Letters and digits written together: "MP3" → "MP 3", "3D" → "3 D" (a plural "s" stays: "1990s").
  [/([A-Za-z])(?=\d)/g, (_m, l: string) => `${l} `],
  [/(\d)(?=[A-Za-z])(?!s\b)/g, (_m, d: string) => `${d} `],
  // Numbers: bare 4-digit numbers 1000-2099 read as years; everything else as a cardinal or decimal.
  [new RegExp(String.raw`(${NUM})(s\b)?`, 'g'), (_m, n: string, plural: string | undefined) => {
    const words = /^(1\d{3}|20\d{2})$/.test(n) ? yearWords(Number(n)) : numberWords(n);
    return ` ${plural ? pluralWords(words) : words} `;
  }],
  // Initials: "U.S.A." → "U S A"; "J. K. Rowling" → "J K Rowling".
  [/\b((?:[A-Za-z]\.){2,})/g, (m: string, letters: string, offset: number, text: string) =>
    `${letters.replace(/\./g, ' ').trim()}${sentencePeriod(m, offset, text)}`],
  [/\b([A-HJ-Z])\.(?=\s+[A-Z])/g, (_m, l: string) => l],
  // Symbols.
  [/&/g, () => ' and '],
  [/\+/g, () => ' plus '],
  [/@/g, () => ' at '],
  [/=/g, () => ' equals '],
  [/%/g, () => ' percent '],
  [/°/g, () => ' degrees '],
  [/\s<\s/g, () => ' less than '],
  [/\s>\s/g, () => ' greater than '],
  [/\s-\s/g, () => ', '],
  [/[()[\]{}]/g, () => ', '],
];

/** Collapses a run of pause marks to the strongest one: ? > ! > ... > . > ; > : > , */
function strongestPause(run: string): string {
  if (run.includes('?')) return '?';
  if (run.includes('!')) return '!';
  if (/\.\.\./.test(run)) return '...';
  if (run.includes('.')) return '.';
  if (run.includes(';')) return ';';
  if (run.includes(':')) return ':';
  return ',';
}

/** Final pass: only letters, apostrophes and hyphens inside words, pause marks after words, single spaces. */
function tidy(text: string): string {
  return text
    .replace(/[^A-Za-z'\-.,?!;: ]/g, ' ')
    .replace(/(?<![A-Za-z])'|'(?![A-Za-z])/g, ' ')
    .replace(/(?<![A-Za-z])-|-(?![A-Za-z])/g, ' ')
    .replace(/\s*([.,?!;:](?:\s*[.,?!;:])*)/g, (_m, run: string) => `${strongestPause(run.replace(/\s/g, ''))} `)
    .replace(/\s+/g, ' ')
    .replace(/^[\s.,?!;:]+/, '')
    .trim();
}

/** Unicode clean-up before the English rules: NFKC, typographic punctuation, line breaks, emoji, other scripts. */
function toAsciiText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u02BC\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB\u2010-\u2015\u2212\u3001\u3002\u00A1\u00BF\u00B7]/g,
      (c) => PUNCTUATION_MAP[c])
    .replace(/\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}|[\u200D\uFE0E\uFE0F\u20E3]/gu, ' ')
    .replace(/([A-Za-z0-9])[ \t]*(?:\r\n?|\n)\s*/g, '$1. ')
    .replace(/\s+/g, ' ')
    .replace(new RegExp(`[^\\x00-\\x7F${KEPT_SYMBOLS}]+`, 'gu'), (run) => transliterate(run))
    .replace(/[\x00-\x1F\x7F]/g, ' ');
}

/**
 * Normalizes English text for the phonemizer: every number, date, time, amount, unit, abbreviation and symbol is
 * spelled out; other scripts are transliterated to Latin letters; emoji are dropped. The result holds only ASCII
 * letters, apostrophes and hyphens inside words, the pause marks . , ? ! ; : and "...", and single spaces.
 * Returns "" when nothing speakable is left. Idempotent: normalizing the result again changes nothing.
 */
export function normalizeText(text: string): string {
  let out = toAsciiText(text);
  for (const [pattern, replace] of RULES) out = out.replace(pattern, replace);
  return tidy(out);
}

/** Cuts one sentence into pieces of at most `MAX_SENTENCE_CHARS`, preferring a pause mark, then a space. */
function capLength(sentence: string): string[] {
  const pieces: string[] = [];
  let rest = sentence;
  while (rest.length > MAX_SENTENCE_CHARS) {
    const head = rest.slice(0, MAX_SENTENCE_CHARS + 1);
    const pause = Math.max(head.lastIndexOf(', '), head.lastIndexOf('; '), head.lastIndexOf(': '));
    const space = head.lastIndexOf(' ');
    const cut = pause > 0 ? pause + 1 : space > 0 ? space : MAX_SENTENCE_CHARS;
    pieces.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) pieces.push(rest);
  return pieces;
}

/**
 * Normalizes `text` and splits it into sentences for streaming synthesis: a sentence ends at . ? ! or "..."
 * (abbreviations are expanded first, so "Dr. Smith" stays whole); a sentence longer than MAX_SENTENCE_CHARS is cut
 * at its last comma (or ; :) that fits, else at a space. Every piece is already normalized.
 */
export function splitSentences(text: string): string[] {
  return normalizeText(text)
    .split(/(?<=[.?!])\s+/)
    .filter((s) => s.length > 0)
    .flatMap(capLength);
}
