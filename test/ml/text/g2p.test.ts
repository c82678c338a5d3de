// Tests for text → phonemes with the real espeak-ng (npm phonemizer): known phonemes, pause tokens, word spans,
// robustness (emoji, other scripts, 5,000 characters), determinism, and that loading it leaves app errors visible.

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isVoiceCloneError } from '../../../ml/errors';
import { MAX_TEXT_CHARS, textToPhonemes, type PhonemizedText } from '../../../ml/text/g2p';
import { PAUSE, WORD_BOUNDARY, idsToSymbols, isPauseSymbol } from '../../../ml/text/phonemes';

const repoRoot = path.resolve(import.meta.dirname, '../../..');

async function errorCode(text: string): Promise<string | undefined> {
  try {
    await textToPhonemes(text);
    return undefined;
  } catch (e) {
    if (!isVoiceCloneError(e)) throw e;
    expect(e.message).not.toMatch(/\n/);
    return e.code;
  }
}

/** Word spans are in order, do not overlap, and cover every phoneme that is not a boundary or a pause. */
function expectConsistentSpans(r: PhonemizedText): void {
  let covered = 0;
  let last = 0;
  for (const w of r.words) {
    expect(w.phonemeStart).toBeGreaterThanOrEqual(last);
    expect(w.phonemeEnd).toBeGreaterThanOrEqual(w.phonemeStart);
    covered += w.phonemeEnd - w.phonemeStart;
    last = w.phonemeEnd;
    for (const s of r.phonemes.slice(w.phonemeStart, w.phonemeEnd)) expect(isPauseSymbol(s)).toBe(false);
  }
  const wordBoundariesInside = r.words.reduce(
    (n, w) => n + r.phonemes.slice(w.phonemeStart, w.phonemeEnd).filter((s) => s === WORD_BOUNDARY).length,
    0,
  );
  const speech = r.phonemes.filter((s) => s !== WORD_BOUNDARY && !isPauseSymbol(s)).length;
  expect(covered - wordBoundariesInside).toBe(speech);
}

describe('textToPhonemes', () => {
  it('gives the known espeak-ng en-us phonemes with pause tokens in place', async () => {
    const r = await textToPhonemes('Hello, world. How are you?');
    expect(r.normalized).toBe('Hello, world. How are you?');
    expect(r.phonemes.join('')).toBe('həlˈoʊ, wˈɜːld. hˈaʊ ɑːɹ juː?');
    expect(idsToSymbols(r.ids)).toEqual(r.phonemes);
    expect(r.words.map((w) => [w.word, r.phonemes.slice(w.phonemeStart, w.phonemeEnd).join('')])).toEqual([
      ['Hello', 'həlˈoʊ'],
      ['world', 'wˈɜːld'],
      ['How', 'hˈaʊ'],
      ['are', 'ɑːɹ'],
      ['you', 'juː'],
    ]);
    expectConsistentSpans(r);
  });

  it('writes ; : and ... as the generic pause token and ! as its own', async () => {
    const r = await textToPhonemes('Wait... stop; go: now!');
    expect(r.phonemes.filter(isPauseSymbol)).toEqual([PAUSE, PAUSE, PAUSE, '!']);
    const first = r.phonemes.indexOf(PAUSE);
    expect(r.phonemes[first + 1]).toBe(WORD_BOUNDARY);
    expect(r.phonemes.at(-1)).toBe('!');
  });

  it('keeps connected speech and gives merged words one span', async () => {
    const r = await textToPhonemes('The end of the day.');
    expect(r.phonemes.join('')).toBe('ðɪ ˈɛnd ʌvðə dˈeɪ.');
    expect(r.words.map((w) => w.word)).toEqual(['The', 'end', 'of the', 'day']);
    expectConsistentSpans(r);
  });

  it('speaks digits, money and dates through the normalizer', async () => {
    const r = await textToPhonemes('I paid $3.50 on 2024-03-05.');
    expect(r.normalized).toBe('I paid three dollars and fifty cents on March fifth, twenty twenty-four.');
    expect(r.phonemes.join('')).toContain('θɹˈiː dˈɑːlɚz');
    expect(r.words.map((w) => w.word)).toContain('twenty');
    expectConsistentSpans(r);
  });

  it('speaks unknown words and drops emoji', async () => {
    const r = await textToPhonemes('Blorptastic 😀 zyxwv!');
    expect(r.normalized).toBe('Blorptastic zyxwv!');
    expect(r.words.map((w) => w.word)).toEqual(['Blorptastic', 'zyxwv']);
    expect(r.words.every((w) => w.phonemeEnd > w.phonemeStart)).toBe(true);
  });

  it.each(['Здравствуйте', '你好，世界', 'مرحبا بالعالم', 'こんにちは', 'नमस्ते', '안녕하세요', 'Ελληνικά'])(
    'gives phonemes or TEXT_INVALID for %s, never a crash',
    async (text) => {
      const code = await errorCode(text);
      if (code === undefined) {
        const r = await textToPhonemes(text);
        expect(r.phonemes.length).toBeGreaterThan(0);
        expectConsistentSpans(r);
      } else {
        expect(code).toBe('TEXT_INVALID');
      }
    },
  );

  it('rejects empty, blank, emoji-only, non-string and overlong text with TEXT_INVALID', async () => {
    expect(await errorCode('')).toBe('TEXT_INVALID');
    expect(await errorCode(' \n\t ')).toBe('TEXT_INVALID');
    expect(await errorCode('😀🎉👍🏽')).toBe('TEXT_INVALID');
    expect(await errorCode('... , !')).toBe('TEXT_INVALID');
    expect(await errorCode(42 as unknown as string)).toBe('TEXT_INVALID');
    expect(await errorCode('a'.repeat(MAX_TEXT_CHARS + 1))).toBe('TEXT_INVALID');
  });

  it('handles 5,000 characters of mixed text, deterministically', async () => {
    const base =
      'The quick brown fox, who was 3 years old, jumped over 12 lazy dogs on March 5, 2024. ' +
      'Dr. Smith paid $3.50 for coffee; it was 50% off! Was it worth it? Maybe... Привет 😀 ';
    const text = base.repeat(Math.ceil(5000 / base.length)).slice(0, 5000);
    const t0 = performance.now();
    const a = await textToPhonemes(text);
    console.info(`textToPhonemes: 5,000 characters in ${Math.round(performance.now() - t0)} ms, ${a.phonemes.length} phonemes`);
    const b = await textToPhonemes(text);
    expect(a.words.length).toBeGreaterThan(700);
    expect(Array.from(b.ids)).toEqual(Array.from(a.ids));
    expect(b.words).toEqual(a.words);
    expectConsistentSpans(a);
  });

  it('never throws anything but TEXT_INVALID on random code points', async () => {
    let seed = 99;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let n = 0; n < 25; n++) {
      const text = String.fromCodePoint(...Array.from({ length: 60 }, () => next() % 0x20000));
      const code = await errorCode(text);
      expect(code === undefined || code === 'TEXT_INVALID').toBe(true);
    }
  });
});

describe('phonemizer process handlers', () => {
  const g2pUrl = pathToFileURL(path.join(repoRoot, 'ml/text/g2p.ts')).href;

  function runChild(tail: string) {
    const script = `
      const count = () => process.listeners('uncaughtException').length + process.listeners('unhandledRejection').length;
      const before = count();
      const { textToPhonemes } = await import(${JSON.stringify(g2pUrl)});
      const r = await textToPhonemes('Determinism check, 42 times!');
      console.log(JSON.stringify({ before, after: count(), ids: Array.from(r.ids) }));
      ${tail}`;
    return spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 90_000,
      maxBuffer: 16 * 1024 * 1024,
    });
  }

  it('leaves the listener count unchanged and lets an uncaught app error surface with exit code 1', async () => {
    const child = runChild(`setTimeout(() => { throw new Error('APP_ERROR_SENTINEL'); }, 0);`);
    expect(child.status).toBe(1);
    expect(child.stderr).toContain('APP_ERROR_SENTINEL');
    expect(child.stderr.length).toBeLessThan(20_000);
    const report = JSON.parse(child.stdout.trim().split('\n')[0]) as { before: number; after: number; ids: number[] };
    expect(report.after).toBe(report.before);
    const here = await textToPhonemes('Determinism check, 42 times!');
    expect(report.ids).toEqual(Array.from(here.ids));
  });

  it('lets an unhandled rejection surface with exit code 1', () => {
    const child = runChild(`Promise.reject(new Error('APP_REJECTION_SENTINEL'));`);
    expect(child.status).toBe(1);
    expect(child.stderr).toContain('APP_REJECTION_SENTINEL');
    expect(child.stderr.length).toBeLessThan(20_000);
  });

  it("lets the app's own uncaughtException handler keep the process alive", () => {
    const child = runChild(`
      process.on('uncaughtException', (e) => { console.log('HANDLED ' + e.message); });
      setTimeout(() => { throw new Error('APP_HANDLED_SENTINEL'); }, 0);
      setTimeout(() => console.log('STILL ALIVE'), 50);`);
    expect(child.status).toBe(0);
    expect(child.stdout).toContain('HANDLED APP_HANDLED_SENTINEL');
    expect(child.stdout).toContain('STILL ALIVE');
  });
});
