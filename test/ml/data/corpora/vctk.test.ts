// Tests for the VCTK reader on tiny fake 0.80 (wav48/, WAV) and 0.92 (wav48_silence_trimmed/, FLAC mic1/mic2) corpora.
// Checks microphone choice, gender from speaker-info.txt, and skipping of files without text or with odd names.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readVctk } from '../../../../ml/data/corpora/vctk';
import { tempCorpusDir, writeSpeech, writeText } from './fixtures';

describe('readVctk', () => {
  it('reads the 0.80 layout with genders', () => {
    const root = tempCorpusDir('vctk080');
    writeSpeech(path.join(root, 'wav48/p225/p225_001.wav'), 48000, 0);
    writeSpeech(path.join(root, 'wav48/p226/p226_001.wav'), 48000, 1);
    writeSpeech(path.join(root, 'wav48/p226/p226_002.wav'), 48000, 1);
    writeText(path.join(root, 'txt/p225/p225_001.txt'), 'Please call Stella.\n');
    writeText(path.join(root, 'txt/p226/p226_001.txt'), 'Please call Stella.\n');
    writeText(
      path.join(root, 'speaker-info.txt'),
      'ID  AGE  GENDER  ACCENTS  REGION\n225  23  F    English    Southern  England\n226  22  M    English    Surrey\n',
    );
    const c = readVctk(root);
    expect(c.speakers).toEqual(['p225', 'p226']);
    expect(c.utterances.map((u) => [u.id, u.gender, u.text])).toEqual([
      ['p225_001', 'F', 'Please call Stella.'],
      ['p226_001', 'M', 'Please call Stella.'],
    ]);
    expect(c.skipped).toEqual(['p226/p226_002.wav: no text in txt/p226/p226_002.txt']);
  });

  it('reads the 0.92 layout and picks one microphone', () => {
    const root = tempCorpusDir('vctk092');
    for (const mic of ['mic1', 'mic2']) {
      writeSpeech(path.join(root, `wav48_silence_trimmed/p227/p227_003_${mic}.flac`), 48000, 1);
    }
    writeSpeech(path.join(root, 'wav48_silence_trimmed/p227/p227_take2.flac'), 48000, 1);
    writeText(path.join(root, 'txt/p227/p227_003.txt'), 'Six spoons of fresh snow peas.');
    writeText(path.join(root, 'speaker-info.txt'), 'ID  AGE  GENDER  ACCENTS\np227  38  M    English\n');
    const mic1 = readVctk(root);
    expect(mic1.utterances).toHaveLength(1);
    expect(mic1.utterances[0]).toMatchObject({ id: 'p227_003', gender: 'M', corpus: 'vctk' });
    expect(mic1.utterances[0].path.endsWith('p227_003_mic1.flac')).toBe(true);
    expect(readVctk(root, 'mic2').utterances[0].path.endsWith('p227_003_mic2.flac')).toBe(true);
    expect(mic1.skipped).toEqual(['p227/p227_take2.flac: name is not <speaker>_<NNN>[_mic1|_mic2].wav|flac']);
  });

  it('raises DATA_MISSING when no audio folder exists', () => {
    const root = tempCorpusDir('vctk-empty');
    expect(() => readVctk(root)).toThrow(/neither wav48\/ nor wav48_silence_trimmed\//);
  });
});
