// Tests for the pocketsphinx wrapper and word edit distance: a flite sentence transcribed end to end, the WAV format
// checks, and the Levenshtein distance on word lists.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { recognize, wordEditDistance, words } from '../../../ml/eval/asr';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'asr-'));

describe('wordEditDistance', () => {
  it('counts substitutions, insertions and deletions of words', () => {
    expect(wordEditDistance([], [])).toBe(0);
    expect(wordEditDistance(['a', 'b', 'c'], ['a', 'b', 'c'])).toBe(0);
    expect(wordEditDistance(['a', 'b', 'c'], ['a', 'x', 'c'])).toBe(1);
    expect(wordEditDistance(['a', 'b', 'c'], ['a', 'c'])).toBe(1);
    expect(wordEditDistance(['a', 'c'], ['a', 'b', 'c', 'd'])).toBe(2);
    expect(wordEditDistance(['the', 'cat'], [])).toBe(2);
    expect(wordEditDistance(['kitten', 'sat'], ['sitting', 'sat', 'down'])).toBe(2);
  });
});

describe('words', () => {
  it('lower-cases and drops punctuation but keeps apostrophes', () => {
    expect(words("It's SEVEN o'clock, Stella!\n")).toEqual(["it's", 'seven', "o'clock", 'stella']);
    expect(words('   ')).toEqual([]);
  });
});

describe('recognize', () => {
  it('transcribes a flite sentence in lower-case words', async () => {
    const wav = path.join(dir, 'door.wav');
    const raw = path.join(dir, 'door-raw.wav');
    execFileSync('flite', ['-voice', 'slt', '-t', 'Please open the door and come inside.', '-o', raw]);
    execFileSync('sox', [raw, '-r', '16000', '-c', '1', '-b', '16', wav]);
    const text = await recognize(wav);
    expect(text).toMatch(/^[a-z0-9' ]+$/);
    expect(wordEditDistance(text.split(' '), words('please open the door and come inside'))).toBeLessThanOrEqual(1);
  });

  it('refuses WAVs pocketsphinx would misread, and missing files', async () => {
    const wav8k = path.join(dir, 'door-8k.wav');
    execFileSync('sox', [path.join(dir, 'door.wav'), '-r', '8000', wav8k]);
    await expect(recognize(wav8k)).rejects.toMatchObject({ code: 'BAD_ARGUMENT' });
    await expect(recognize(path.join(dir, 'missing.wav'))).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
  });
});
