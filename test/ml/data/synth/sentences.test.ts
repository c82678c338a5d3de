// Tests for the committed sentence list: it is exactly what the generator builds from Debian's texts, sentences are
// 4–15 plain words, the held-out share is fixed by text, and no Harvard sentence slipped in.

import { describe, expect, it } from 'vitest';
import { MAX_WORDS, MIN_WORDS, buildSentenceList } from '../../../../ml/data/synth/sentence-generator';
import { HELD_OUT_SENTENCE_SHARE, isHeldOutSentence, loadSentences } from '../../../../ml/data/synth/sentences';
import { HARVARD_SENTENCES } from '../../../../ml/eval/harvard-sentences';

/** The first Harvard list (IEEE 1969), which the TTS acceptance test speaks and so must never be trained on. */
const HARVARD_LIST_1 = HARVARD_SENTENCES.slice(0, 10);

describe('sentences', () => {
  const sentences = loadSentences();

  it('match what the generator builds from the installed Debian texts', () => {
    expect(buildSentenceList()).toEqual(sentences);
  });

  it('are a few thousand distinct sentences of 4 to 15 words', () => {
    expect(sentences.length).toBeGreaterThan(3000);
    expect(new Set(sentences.map((s) => s.toLowerCase())).size).toBe(sentences.length);
    for (const s of sentences) {
      const words = s.split(/\s+/).length;
      expect(words).toBeGreaterThanOrEqual(MIN_WORDS);
      expect(words).toBeLessThanOrEqual(MAX_WORDS);
    }
  });

  it('hold out about 5 % by text alone', () => {
    const held = sentences.filter(isHeldOutSentence);
    expect(held.length / sentences.length).toBeGreaterThan(HELD_OUT_SENTENCE_SHARE / 2);
    expect(held.length / sentences.length).toBeLessThan(HELD_OUT_SENTENCE_SHARE * 2);
    expect(sentences.filter(isHeldOutSentence)).toEqual(held);
  });

  it('contain no Harvard sentence', () => {
    const lower = new Set(sentences.map((s) => s.toLowerCase()));
    for (const h of HARVARD_LIST_1) expect(lower.has(h.toLowerCase())).toBe(false);
  });
});
