// Tests for the ../shared/data readers (VCC2016, LibriSpeech subset, FSDD and the combined reader) on the real files.
// Counts come from the data README: 10 x (162 + 54) VCC2016 files, 251 LibriSpeech speakers, 6 x 500 FSDD files.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFsdd } from '../../../../ml/data/corpora/fsdd';
import { readLibriSpeechSubset } from '../../../../ml/data/corpora/librispeech-subset';
import { readSharedData } from '../../../../ml/data/corpora/shared-data';
import { readVcc2016, VCC2016_SPEAKERS, vcc2016Gender, vcc2016SentenceId } from '../../../../ml/data/corpora/vcc2016';
import { readVcc2016Transcripts } from '../../../../ml/data/vcc2016-transcripts';
import { isVoiceCloneError } from '../../../../ml/errors';
import { tempCorpusDir } from './fixtures';
import { sharedDataRoot } from '../../../support/shared-data';

describe('readVcc2016', () => {
  const corpus = readVcc2016(path.join(sharedDataRoot(), 'vcc2016'));

  it('finds 10 speakers with 162 train and 54 eval sentences each', () => {
    expect(corpus.speakers).toEqual([...VCC2016_SPEAKERS]);
    for (const s of corpus.speakers) {
      const mine = corpus.utterances.filter((u) => u.speaker === s);
      expect(mine.filter((u) => u.split === 'train')).toHaveLength(162);
      expect(mine.filter((u) => u.split === 'eval')).toHaveLength(54);
    }
    expect(corpus.skipped).toEqual([]);
  });

  it('derives gender from the speaker name and pairs parallel sentences by file number', () => {
    expect(corpus.utterances.filter((u) => u.gender === 'F')).toHaveLength(5 * 216);
    expect(vcc2016Gender('TM3')).toBe('M');
    expect(() => vcc2016Gender('XX1')).toThrow(/not a VCC2016 speaker/);
    const u = corpus.utterances.find((x) => x.id === 'TM2_200054');
    expect(u && vcc2016SentenceId(u)).toBe('200054');
    expect(u?.split).toBe('eval');
  });

  it('attaches the committed consensus text to every reading of a sentence', () => {
    const transcripts = readVcc2016Transcripts();
    expect(transcripts.size).toBe(216);
    const readings = corpus.utterances.filter((u) => vcc2016SentenceId(u) === '100001');
    expect(readings).toHaveLength(10);
    expect(new Set(readings.map((u) => u.text))).toEqual(new Set([transcripts.get('100001')?.text]));
  });

  it('raises DATA_MISSING for a folder without the splits', () => {
    const empty = tempCorpusDir('vcc-empty');
    try {
      readVcc2016(empty);
      expect.unreachable();
    } catch (e) {
      expect(isVoiceCloneError(e) && e.code).toBe('DATA_MISSING');
      expect((e as Error).message).toContain('VCC2016 train split');
    }
  });
});

describe('readLibriSpeechSubset', () => {
  it('finds 251 speakers, one clip each, with gender from SPEAKERS.TXT', () => {
    const c = readLibriSpeechSubset(path.join(sharedDataRoot(), 'librispeech-subset'));
    expect(c.speakers).toHaveLength(251);
    expect(c.utterances).toHaveLength(251);
    expect(c.utterances.filter((u) => u.gender === 'M')).toHaveLength(126);
    expect(c.utterances.filter((u) => u.gender === 'F')).toHaveLength(125);
    expect(c.utterances.find((u) => u.id === '103-1240-0000')?.speaker).toBe('103');
  });
});

describe('readFsdd', () => {
  it('finds 6 speakers and 3000 digits, takes 0-4 as test', () => {
    const c = readFsdd(path.join(sharedDataRoot(), 'fsdd'));
    expect(c.speakers).toEqual(['george', 'jackson', 'lucas', 'nicolas', 'theo', 'yweweler']);
    expect(c.utterances).toHaveLength(3000);
    expect(c.utterances.filter((u) => u.split === 'test')).toHaveLength(6 * 10 * 5);
    const u = c.utterances.find((x) => x.id === '7_theo_3');
    expect(u).toMatchObject({ speaker: 'theo', text: 'seven', split: 'test', gender: 'M' });
    expect(c.utterances.find((x) => x.id === '0_lucas_49')).toMatchObject({ text: 'zero', split: 'train' });
  });
});

describe('readSharedData', () => {
  it('combines the three corpora', () => {
    const c = readSharedData(sharedDataRoot());
    expect(c.utterances).toHaveLength(2160 + 251 + 3000);
    expect(c.speakers).toHaveLength(10 + 251 + 6);
    expect(new Set(c.utterances.map((u) => u.corpus))).toEqual(new Set(['vcc2016', 'librispeech-subset', 'fsdd']));
  });

  it('names the missing folder', () => {
    expect(() => readSharedData(tempCorpusDir('shared-missing'))).toThrow(/VCC2016 corpus: folder not found/);
  });
});
