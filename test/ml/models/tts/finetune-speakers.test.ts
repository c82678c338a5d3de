// The LibriSpeech speakers the TTS fine-tune may add: never a verifier held-out (bench) speaker, never a validation
// speaker, each one real and listed once, in key order.
import { describe, expect, it } from 'vitest';
import { readLibriSpeechSubset } from '../../../../ml/data/corpora/librispeech-subset';
import { FINETUNE_VALIDATION_SPEAKERS, fineTuneSpeakerKeys } from '../../../../ml/models/tts/finetune-speakers';
import { heldOutLibriSpeakers } from '../../../../ml/models/verifier/heldout';
import { sharedData } from '../../../support/shared-data';

describe('TTS fine-tune speakers', () => {
  const libri = readLibriSpeechSubset(sharedData('librispeech-subset'));
  const heldOut = new Set(heldOutLibriSpeakers(libri));

  it('validates on 29 distinct real speakers, none of them held out for the verifier', () => {
    expect(new Set(FINETUNE_VALIDATION_SPEAKERS).size).toBe(29);
    expect(FINETUNE_VALIDATION_SPEAKERS.every((s) => libri.speakers.includes(s))).toBe(true);
    expect(FINETUNE_VALIDATION_SPEAKERS.some((s) => heldOut.has(s))).toBe(false);
  });

  it('adds every other speaker and only those, sorted', () => {
    const keys = fineTuneSpeakerKeys(libri);
    const ids = keys.map((k) => k.replace('librispeech-subset:', ''));
    expect(keys).toEqual([...keys].sort());
    expect(ids.some((s) => heldOut.has(s) || FINETUNE_VALIDATION_SPEAKERS.includes(s))).toBe(false);
    expect(keys.length).toBe(libri.speakers.length - heldOut.size - FINETUNE_VALIDATION_SPEAKERS.length);
  });
});
