// The bench's sentence sets: VCC2016 synthesis sentences (with real parallel readings) or the Harvard sentences.
import { describe, expect, it } from 'vitest';
import { HARVARD_SENTENCES } from '../../../../ml/eval/harvard-sentences';
import { benchSentences, isHarvardSentence, synthesisSentences } from '../../../../ml/eval/bench/sentences';

describe('benchSentences', () => {
  it('gives the VCC2016 synthesis sentences for the vcc2016 set', () => {
    const vcc = benchSentences('vcc2016', 3);
    expect(vcc).toEqual(synthesisSentences(3));
    expect(vcc.every((s) => /^2\d{5}$/.test(s.id) && !isHarvardSentence(s))).toBe(true);
  });

  it('gives the Harvard sentences in list order, with their exact text', () => {
    const harvard = benchSentences('harvard', 50);
    expect(harvard).toHaveLength(50);
    expect(harvard.map((s) => s.text)).toEqual(HARVARD_SENTENCES.slice(0, 50));
    expect(harvard[0].id).toBe('harvard-1');
    expect(harvard.every(isHarvardSentence)).toBe(true);
    expect(new Set(harvard.map((s) => s.id)).size).toBe(50);
  });
});
