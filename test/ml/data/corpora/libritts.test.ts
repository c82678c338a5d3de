// Tests for the LibriTTS reader on a tiny fake corpus: one subset folder or the parent with several subsets,
// normalized text preferred over original, genders from SPEAKERS.txt, and utterances without text skipped.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLibriTts } from '../../../../ml/data/corpora/libritts';
import { tempCorpusDir, writeSpeech, writeText } from './fixtures';

function fakeLibriTts(): string {
  const root = tempCorpusDir('libritts');
  const a = path.join(root, 'train-clean-100/19/198');
  writeSpeech(path.join(a, '19_198_000000_000000.wav'), 24000, 0);
  writeText(path.join(a, '19_198_000000_000000.normalized.txt'), 'Chapter one.');
  writeText(path.join(a, '19_198_000000_000000.original.txt'), 'CHAPTER I.');
  writeSpeech(path.join(a, '19_198_000001_000000.wav'), 24000, 0);
  writeText(path.join(a, '19_198_000001_000000.original.txt'), 'Only the original text.');
  writeSpeech(path.join(a, '19_198_000002_000000.wav'), 24000, 0);
  const b = path.join(root, 'dev-clean/84/121123');
  writeSpeech(path.join(b, '84_121123_000007_000000.wav'), 24000, 1);
  writeText(path.join(b, '84_121123_000007_000000.normalized.txt'), 'Go, do you hear?\n');
  writeText(
    path.join(root, 'SPEAKERS.txt'),
    ';ID  |SEX| SUBSET           |MINUTES| NAME\n19   | F | train-clean-100  | 25.19 | Kara\n84   | F | dev-clean | 8.02 | Christie\n',
  );
  return root;
}

describe('readLibriTts', () => {
  it('reads all subsets under the LibriTTS folder with splits and genders', () => {
    const root = fakeLibriTts();
    const c = readLibriTts(root);
    expect(c.speakers).toEqual(['19', '84']);
    expect(c.utterances.map((u) => [u.id, u.split, u.gender, u.text])).toEqual([
      ['84_121123_000007_000000', 'eval', 'F', 'Go, do you hear?'],
      ['19_198_000000_000000', 'train', 'F', 'Chapter one.'],
      ['19_198_000001_000000', 'train', 'F', 'Only the original text.'],
    ]);
    expect(c.skipped).toEqual([
      '19/198/19_198_000002_000000.wav: no 19_198_000002_000000.normalized.txt or 19_198_000002_000000.original.txt with text',
    ]);
  });

  it('reads a single subset folder', () => {
    const root = fakeLibriTts();
    const c = readLibriTts(path.join(root, 'dev-clean'));
    expect(c.utterances).toHaveLength(1);
    expect(c.utterances[0]).toMatchObject({ speaker: '84', split: 'eval', gender: 'F', corpus: 'libritts' });
  });

  it('raises DATA_MISSING for a folder with no speakers', () => {
    expect(() => readLibriTts(tempCorpusDir('libritts-empty'))).toThrow(/No utterances found/);
    expect(() => readLibriTts('/nonexistent/LibriTTS')).toThrow(/LibriTTS corpus: folder not found/);
  });
});
