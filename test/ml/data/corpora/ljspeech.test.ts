// Tests for the LJSpeech reader on a tiny fake corpus of real speech: text choice, malformed lines, missing audio.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLjSpeech } from '../../../../ml/data/corpora/ljspeech';
import { tempCorpusDir, writeSpeech, writeText } from './fixtures';

function fakeLj(): string {
  const root = tempCorpusDir('lj');
  writeSpeech(path.join(root, 'wavs/LJ001-0001.wav'), 22050, 0);
  writeSpeech(path.join(root, 'wavs/LJ001-0002.wav'), 22050, 1);
  writeText(
    path.join(root, 'metadata.csv'),
    [
      'LJ001-0001|Printing, in the 1st sense|Printing, in the first sense',
      'LJ001-0002|in being comparatively modern.|',
      'this line has no separators',
      'LJ001-0003|audio for this one is missing|audio for this one is missing',
      '',
    ].join('\r\n'),
  );
  return root;
}

describe('readLjSpeech', () => {
  it('reads id|text|normalized with the normalized text preferred', () => {
    const root = fakeLj();
    const c = readLjSpeech(root);
    expect(c.speakers).toEqual(['LJ']);
    expect(c.utterances).toEqual([
      {
        id: 'LJ001-0001',
        speaker: 'LJ',
        path: path.join(root, 'wavs/LJ001-0001.wav'),
        text: 'Printing, in the first sense',
        corpus: 'ljspeech',
        gender: 'F',
      },
      expect.objectContaining({ id: 'LJ001-0002', text: 'in being comparatively modern.' }),
    ]);
    expect(c.skipped).toEqual([
      'metadata.csv line 3: not "id|text|normalized text"',
      'metadata.csv line 4: no wavs/LJ001-0003.wav',
    ]);
  });

  it('raises DATA_MISSING without metadata.csv or without usable lines', () => {
    const root = fakeLj();
    fs.writeFileSync(path.join(root, 'metadata.csv'), 'garbage\n');
    expect(() => readLjSpeech(root)).toThrow(/No utterances found/);
    fs.rmSync(path.join(root, 'metadata.csv'));
    expect(() => readLjSpeech(root)).toThrow(/LJSpeech metadata: file not found/);
  });
});
