// Tests for word-level transcript voting: hand-made hypothesis sets whose consensus is known in advance.
// Covers substitutions, deletions, insertions, a consensus that no single hypothesis contains, and empty readings.
import { describe, expect, it } from 'vitest';
import { words } from '../../../ml/eval/asr';
import { medoidIndex, voteTranscripts } from '../../../ml/data/transcript-vote';

describe('medoidIndex', () => {
  it('picks the hypothesis closest to all others', () => {
    const hyps = [['a', 'x', 'c'], ['a', 'b', 'c'], ['a', 'b', 'y'], ['z', 'b', 'c']];
    expect(medoidIndex(hyps)).toBe(1);
  });
});

describe('voteTranscripts', () => {
  it('returns identical hypotheses unchanged with full agreement', () => {
    const r = voteTranscripts(['the cat sat', 'The cat sat.', 'the  cat sat']);
    expect(r.text).toBe('the cat sat');
    expect(r.agreement).toBe(1);
    expect(r.support).toEqual([1, 1, 1]);
  });

  it('outvotes a minority substitution and reports its support', () => {
    const r = voteTranscripts(['the cat sat', 'the bat sat', 'the cat sat']);
    expect(r.text).toBe('the cat sat');
    expect(r.support).toEqual([1, 2 / 3, 1]);
    expect(r.agreement).toBeCloseTo((1 + 2 / 3 + 1) / 3, 10);
  });

  it('ignores a minority deletion and a minority insertion', () => {
    expect(voteTranscripts(['a b c d', 'a c d', 'a b c d', 'a b c d x', 'a b c d']).text).toBe('a b c d');
    expect(voteTranscripts(['a b c', 'a x b c', 'a b c']).text).toBe('a b c');
  });

  it('drops a word that only a minority heard at the backbone', () => {
    // Backbone (medoid) is "a b x c"; only 2 of 5 readings carry x.
    const r = voteTranscripts(['a b x c', 'a b c', 'a b x c', 'a b c', 'a b c']);
    expect(r.text).toBe('a b c');
  });

  it('keeps a majority insertion the backbone lacks', () => {
    // Medoid "a b c" (total distance 6); 3 of 5 readings append "z", each with another error of its own.
    const hyps = ['a b c', 'a b c', 'q b c z', 'a r c z', 'x b c z'];
    expect(hyps[medoidIndex(hyps.map(words))]).toBe('a b c');
    const r = voteTranscripts(hyps);
    expect(r.text).toBe('a b c z');
    expect(r.support[3]).toBeCloseTo(3 / 5, 10);
  });

  it('keeps a word most readings heard, each differently, instead of letting "nothing" win', () => {
    const r = voteTranscripts(['a b c', 'a x c', 'a y c', 'a b c', 'a c', 'a c', 'a c']);
    expect(r.text).toBe('a b c');
    expect(r.support[1]).toBeCloseTo(2 / 7, 10);
    expect(voteTranscripts(['a b c', 'a x c', 'a c', 'a c', 'a c']).text).toBe('a c');
  });

  it('recovers a sentence no single reading got right', () => {
    const r = voteTranscripts([
      'one too three four',
      'one two tree four',
      'won two three four',
      'one two three for',
      'one two three four five',
    ]);
    expect(r.text).toBe('one two three four');
    expect(r.agreement).toBeGreaterThan(0.7);
    expect(r.agreement).toBeLessThan(1);
  });

  it('gives an empty transcript when most readings are empty', () => {
    const r = voteTranscripts(['', 'hello', '']);
    expect(r.text).toBe('');
    expect(r.agreement).toBeCloseTo(2 / 3, 10);
  });

  it('rejects an empty list', () => {
    expect(() => voteTranscripts([])).toThrow(/at least one hypothesis/);
  });
});
