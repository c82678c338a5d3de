// Checks the Harvard test sentences: 50 distinct, complete sentences, and none of them (nor one inside a longer line)
// in the synthetic corpus's training text, so the TTS intelligibility figures are measured on unseen text.
import { describe, expect, it } from 'vitest';
import { loadSentences } from '../../../ml/data/synth/sentences';
import { HARVARD_SENTENCES } from '../../../ml/eval/harvard-sentences';
import { werWords } from '../../../ml/eval/wer';

const normalized = (s: string): string => ` ${werWords(s).join(' ')} `;

describe('HARVARD_SENTENCES', () => {
  it('holds lists 1-5: 50 distinct sentences of 5-10 words, starting with a capital and ending with a full stop', () => {
    expect(HARVARD_SENTENCES).toHaveLength(50);
    expect(new Set(HARVARD_SENTENCES.map(normalized)).size).toBe(50);
    for (const s of HARVARD_SENTENCES) {
      expect(s).toMatch(/^[A-Z].*\.$/);
      expect(werWords(s).length).toBeGreaterThanOrEqual(5);
      expect(werWords(s).length).toBeLessThanOrEqual(10);
    }
    expect(HARVARD_SENTENCES[0]).toBe('The birch canoe slid on the smooth planks.');
    expect(HARVARD_SENTENCES[49]).toBe('Mesh wire keeps chicks inside.');
  });

  it('never appears in the TTS training text (ml/data/synth/sentences.txt), even inside a longer line', () => {
    const training = loadSentences().map(normalized);
    expect(training.length).toBeGreaterThan(1000);
    const seen = HARVARD_SENTENCES.filter((h) => training.some((t) => t.includes(normalized(h))));
    expect(seen).toEqual([]);
  });
});
