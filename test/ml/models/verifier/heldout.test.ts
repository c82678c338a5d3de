// The held-out speakers are fixed: 4 VCC2016 speakers (2 F, 2 M) and 15 female + 15 male LibriSpeech speakers.
import { describe, expect, it } from 'vitest';
import { readLibriSpeechSubset } from '../../../../ml/data/corpora/librispeech-subset';
import { vcc2016Gender } from '../../../../ml/data/corpora/vcc2016';
import { HELD_OUT_VCC2016, heldOutKeys, heldOutLibriSpeakers } from '../../../../ml/models/verifier/heldout';
import { sharedData } from '../../../support/shared-data';

describe('held-out verifier speakers', () => {
  const libri = readLibriSpeechSubset(sharedData('librispeech-subset'));

  it('holds out two female and two male VCC2016 speakers', () => {
    expect(HELD_OUT_VCC2016.map(vcc2016Gender).sort()).toEqual(['F', 'F', 'M', 'M']);
  });

  it('holds out 15 female and 15 male LibriSpeech speakers, the same ones every time', () => {
    const ids = heldOutLibriSpeakers(libri);
    expect(ids).toHaveLength(30);
    const gender = new Map(libri.utterances.map((u) => [u.speaker, u.gender]));
    expect(ids.filter((s) => gender.get(s) === 'F')).toHaveLength(15);
    expect(heldOutLibriSpeakers(readLibriSpeechSubset(sharedData('librispeech-subset')))).toEqual(ids);
    const keys = heldOutKeys(libri);
    expect(keys.size).toBe(34);
    expect(keys.has('vcc2016:SF3')).toBe(true);
    expect(keys.has(`librispeech-subset:${ids[0]}`)).toBe(true);
  });
});
