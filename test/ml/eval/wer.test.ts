// Word error rate on hand-counted cases: exact match, one substitution, deletions, insertions, normalization.
import { describe, expect, it } from 'vitest';
import { corpusWordErrorRate, wordErrorRate } from '../../../ml/eval/wer';

describe('wordErrorRate', () => {
  it('is 0 for the same words whatever the case and punctuation', () => {
    expect(wordErrorRate('The cat sat on the mat.', 'the cat sat on the mat')).toEqual({ wer: 0, errors: 0, referenceWords: 6 });
  });

  it('counts a substitution, a deletion and an insertion as one error each', () => {
    expect(wordErrorRate('the cat sat on the mat', 'the dog sat on the mat').errors).toBe(1);
    expect(wordErrorRate('the cat sat on the mat', 'the cat sat on mat').errors).toBe(1);
    expect(wordErrorRate('the cat sat on the mat', 'the cat sat down on the mat').errors).toBe(1);
    expect(wordErrorRate('one two three four', 'two three four five').wer).toBe(0.5);
  });

  it('exceeds 1 when the hypothesis is mostly insertions, and is 1 for an empty hypothesis', () => {
    expect(wordErrorRate('yes', 'yes yes yes').wer).toBe(2);
    expect(wordErrorRate('hello world', '').wer).toBe(1);
  });

  it('spells out numbers and abbreviations before comparing', () => {
    expect(wordErrorRate('I paid 3 dollars to Dr. Smith', 'i paid three dollars to doctor smith').wer).toBe(0);
  });

  it('pools errors over utterances and needs reference words', () => {
    const r = corpusWordErrorRate([
      { reference: 'a b c d', hypothesis: 'a b c d' },
      { reference: 'e f', hypothesis: 'e' },
    ]);
    expect(r).toEqual({ wer: 1 / 6, errors: 1, referenceWords: 6 });
    expect(() => wordErrorRate('...', 'anything')).toThrow(/at least one word/);
  });
});
