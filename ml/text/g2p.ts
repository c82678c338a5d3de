// Text → phonemes and ids for every TTS model: normalize, phonemize with espeak-ng (npm phonemizer, en-us voice),
// map into the shared inventory, put pause marks back as tokens, and keep each word's span of phonemes.

import { VoiceCloneError } from '../errors';
import { normalizeText } from './normalize';
import { WORD_BOUNDARY, ipaToSymbols, isPauseSymbol, punctuationSymbol, symbolsToIds } from './phonemes';

/** Longest text accepted in one call (about 20 pages); longer text should go through splitSentences. */
export const MAX_TEXT_CHARS = 100_000;

const VOICE = 'en-us';
/** Clauses sent to espeak-ng in one call, up to about this many characters. */
const BATCH_CHARS = 1000;
/** At most this many words merge into one espeak token ("of the" → ʌvðə), or tokens come from one word. */
const MAX_GROUP = 4;

export interface WordSpan {
  /** The word as in `normalized`; words espeak-ng pronounced as one token are one entry ("of the"). */
  word: string;
  /** Index of the word's first phoneme in `phonemes`. */
  phonemeStart: number;
  /** One past the word's last phoneme. */
  phonemeEnd: number;
}

export interface PhonemizedText {
  normalized: string;
  /** Inventory symbols, including WORD_BOUNDARY between words and pause tokens where the text pauses. */
  phonemes: string[];
  /** `phonemes` as inventory ids. */
  ids: Int32Array;
  words: WordSpan[];
}

type Phonemize = (text: string, language?: string) => Promise<string[]>;

const HANDLER_EVENTS = ['uncaughtException', 'unhandledRejection'] as const;

/** process.listeners / removeListener for one of HANDLER_EVENTS, typed loosely so one loop serves both events. */
type Listener = (...args: unknown[]) => void;
const listenersOf = (event: string): Listener[] => process.listeners(event as 'uncaughtException') as Listener[];

let loaded: Promise<Phonemize> | undefined;

/**
 * Imports phonemizer once per process. At import its emscripten runtime calls process.on('uncaughtException', e =>
 * { if (!(e instanceof ExitStatus)) throw e }) and process.on('unhandledRejection', e => { throw e }): any later
 * app error then exits with code 7 after printing the 1.3 MB minified line of phonemizer.js, and an app's own
 * handlers no longer keep it alive. Every listener the import added is removed again; phonemizer never needs them.
 * So import phonemizer only through this module: an earlier import elsewhere would install them unseen.
 */
function loadPhonemizer(): Promise<Phonemize> {
  loaded ??= (async () => {
    const before = HANDLER_EVENTS.map((event) => new Set(listenersOf(event)));
    try {
      return (await import('phonemizer')).phonemize;
    } catch (e) {
      throw new VoiceCloneError('BACKEND_UNAVAILABLE', `Could not load the phonemizer (espeak-ng): ${String(e)}`, { cause: e });
    } finally {
      HANDLER_EVENTS.forEach((event, i) => {
        for (const listener of listenersOf(event)) {
          if (!before[i].has(listener)) process.removeListener(event, listener);
        }
      });
    }
  })();
  return loaded;
}

/** Phonemizes text without pause marks; returns espeak's space-separated tokens. */
async function espeakTokens(phonemize: Phonemize, text: string): Promise<string[][]> {
  try {
    return (await phonemize(text, VOICE)).map((line) => line.split(/\s+/).filter((t) => t.length > 0));
  } catch (e) {
    throw new VoiceCloneError('BACKEND_UNAVAILABLE', `espeak-ng failed to phonemize the text: ${String(e)}`, { cause: e });
  }
}

/**
 * Phonemizes many word lists with few espeak calls: lists joined by ", " come back one line each. Where the line
 * count does not match (espeak cut a long list), that batch is phonemized list by list.
 */
async function phonemizeLists(phonemize: Phonemize, lists: string[][]): Promise<string[][]> {
  const out: string[][] = [];
  let start = 0;
  while (start < lists.length) {
    let end = start;
    let chars = 0;
    while (end < lists.length && (end === start || chars + lists[end].join(' ').length <= BATCH_CHARS)) {
      chars += lists[end].join(' ').length + 2;
      end += 1;
    }
    const batch = lists.slice(start, end);
    const lines = await espeakTokens(phonemize, batch.map((ws) => ws.join(' ')).join(', '));
    if (lines.length === batch.length) out.push(...lines);
    else for (const ws of batch) out.push((await espeakTokens(phonemize, ws.join(' '))).flat());
    start = end;
  }
  return out;
}

/** Edit distance between two IPA strings, ignoring stress and length marks. */
function ipaDistance(a: string, b: string): number {
  const x = [...a.replace(/[ˈˌː]/g, '')];
  const y = [...b.replace(/[ˈˌː]/g, '')];
  let prev = Array.from({ length: y.length + 1 }, (_v, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[y.length];
}

interface Group {
  words: [number, number];
  tokens: [number, number];
}

/**
 * Aligns words to espeak's connected-speech tokens when their counts differ, by dynamic programming over groups
 * (one word ↔ 1-4 tokens, or 2-4 words ↔ one token) scored against each word phonemized on its own.
 */
function alignGroups(isolated: string[], tokens: string[]): Group[] {
  const n = isolated.length;
  const m = tokens.length;
  const cost = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(Infinity));
  const from = Array.from({ length: n + 1 }, () => new Array<[number, number]>(m + 1));
  cost[0][0] = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      if (cost[i][j] === Infinity) continue;
      const relax = (ni: number, nj: number, c: number) => {
        if (cost[i][j] + c < cost[ni][nj]) {
          cost[ni][nj] = cost[i][j] + c;
          from[ni][nj] = [i, j];
        }
      };
      for (let k = 1; k <= MAX_GROUP && j + k <= m; k++) relax(i + 1, j + k, ipaDistance(isolated[i], tokens.slice(j, j + k).join('')));
      for (let k = 2; k <= MAX_GROUP && i + k <= n; k++) relax(i + k, j + 1, ipaDistance(isolated.slice(i, i + k).join(''), tokens[j]));
    }
  }
  if (cost[n][m] === Infinity) return [{ words: [0, n], tokens: [0, m] }];
  const groups: Group[] = [];
  for (let i = n, j = m; i > 0 || j > 0; ) {
    const [pi, pj] = from[i][j];
    groups.unshift({ words: [pi, i], tokens: [pj, j] });
    [i, j] = [pi, pj];
  }
  return groups;
}

interface Clause {
  words: string[];
  /** The pause mark that ends the clause, if any. */
  mark?: string;
}

/** Splits normalized text at its pause marks; hyphenated words count as separate words. */
function toClauses(normalized: string): Clause[] {
  const clauses: Clause[] = [];
  for (const [, text, mark] of normalized.matchAll(/([^.,?!;:]*)(\.\.\.|[.,?!;:])?/g)) {
    const words = text.split(/[\s-]+/).filter((w) => /[A-Za-z]/.test(w));
    if (words.length > 0 || mark !== undefined) clauses.push({ words, mark });
  }
  return clauses;
}

/**
 * Normalizes English text and converts it to phonemes of the shared inventory with espeak-ng (en-us).
 * Pause marks become tokens (, . ? ! and one pause token for ; : ...), words are separated by WORD_BOUNDARY,
 * and `words` gives each word's span of phonemes. Deterministic: the same text always gives the same ids.
 * Throws VoiceCloneError TEXT_INVALID for empty text, text over MAX_TEXT_CHARS, or text with nothing speakable.
 */
export async function textToPhonemes(text: string): Promise<PhonemizedText> {
  if (typeof text !== 'string' || text.trim() === '') {
    throw new VoiceCloneError('TEXT_INVALID', 'The text is empty: type some words to speak.');
  }
  if (text.length > MAX_TEXT_CHARS) {
    throw new VoiceCloneError(
      'TEXT_INVALID',
      `The text is too long (${text.length} characters, limit ${MAX_TEXT_CHARS}): split it into parts.`,
    );
  }
  const normalized = normalizeText(text);
  const clauses = toClauses(normalized);
  const phonemize = await loadPhonemizer();
  const spoken = clauses.filter((c) => c.words.length > 0);
  const connected = await phonemizeLists(phonemize, spoken.map((c) => c.words));

  const mismatched = spoken.flatMap((c, i) => (connected[i].length === c.words.length ? [] : [i]));
  const isolatedWords = await phonemizeLists(phonemize, mismatched.flatMap((i) => spoken[i].words.map((w) => [w])));
  const groupsByClause = new Map<number, Group[]>();
  let offset = 0;
  for (const i of mismatched) {
    const n = spoken[i].words.length;
    groupsByClause.set(i, alignGroups(isolatedWords.slice(offset, offset + n).map((t) => t.join('')), connected[i]));
    offset += n;
  }

  const phonemes: string[] = [];
  const words: WordSpan[] = [];
  let spokenIndex = 0;
  for (const clause of clauses) {
    if (clause.words.length > 0) {
      const i = spokenIndex++;
      const tokens = connected[i];
      const groups = groupsByClause.get(i) ?? clause.words.map((_w, k) => ({ words: [k, k + 1], tokens: [k, k + 1] }) as Group);
      for (const group of groups) {
        if (phonemes.length > 0 && phonemes[phonemes.length - 1] !== WORD_BOUNDARY) phonemes.push(WORD_BOUNDARY);
        const phonemeStart = phonemes.length;
        phonemes.push(...ipaToSymbols(tokens.slice(group.tokens[0], group.tokens[1]).join(' ')));
        words.push({ word: clause.words.slice(group.words[0], group.words[1]).join(' '), phonemeStart, phonemeEnd: phonemes.length });
      }
    }
    if (phonemes[phonemes.length - 1] === WORD_BOUNDARY) phonemes.pop();
    const pause = clause.mark === undefined ? undefined : punctuationSymbol(clause.mark);
    if (pause !== undefined && phonemes.length > 0 && !isPauseSymbol(phonemes[phonemes.length - 1])) phonemes.push(pause);
  }

  if (!phonemes.some((s) => s !== WORD_BOUNDARY && !isPauseSymbol(s))) {
    throw new VoiceCloneError(
      'TEXT_INVALID',
      'The text has nothing to speak: it holds no words after removing emoji, symbols and unsupported characters.',
    );
  }
  return { normalized, phonemes, ids: symbolsToIds(phonemes), words };
}
