// Bench aggregation on hand-made cells with known answers: verification trials, grouping by method × N, means with
// missing parallel figures, pooled WER, the same-speakers-at-every-N view, and per-cell summaries.
import { describe, expect, it } from 'vitest';
import { aggregateCells, sameSpeakerAggregates, summarizeCell, verificationFigures } from '../../../../ml/eval/bench/aggregate';
import type { CellResult, UtteranceResult } from '../../../../ml/eval/bench/cell';
import type { CloneMethod } from '../../../../ml/cloning/library/types';

const enrollment = [
  { speaker: 'A', embedding: [1, 0] },
  { speaker: 'A', embedding: [1, 0] },
  { speaker: 'B', embedding: [0, 1] },
];

function utt(embedding: number[], mcdDb: number | null, text: string, hypothesis: string): UtteranceResult {
  return { sentenceId: '200001', text, audioSeconds: 1, embedding, noSpeech: false, mcdDb, f0RmseHz: mcdDb === null ? null : 2 * mcdDb, hypothesis, wer: 0 };
}

function cell(speaker: string, n: number, method: CloneMethod, utterances: UtteranceResult[], cloneSeconds: number, bytes: number): CellResult {
  return { speaker, n, method, fingerprint: 'x', clipIds: [], cloneSeconds, synthSeconds: 1, bytes, adaptSteps: null, heldOutLoss: null, utterances };
}

describe('verificationFigures', () => {
  it('gives EER 0, accuracy 1 and the exact own cosine when clones point at their own speakers', () => {
    const f = verificationFigures(enrollment, [
      { speaker: 'A', embedding: [1, 0.2] },
      { speaker: 'B', embedding: [0, 2] },
    ]);
    expect(f.eer).toBe(0);
    expect(f.accuracy).toBe(1);
    expect(f.sameTrials).toBe(3); // A's test × 2 A recordings + B's test × 1 B recording
    expect(f.differentTrials).toBe(3);
    expect(f.meanOwnCosine).toBeCloseTo((2 / Math.sqrt(1.04) + 1) / 3, 12);
  });

  it('gives EER 1 and accuracy 0 when every clone sounds like the other speaker', () => {
    const f = verificationFigures(enrollment, [
      { speaker: 'A', embedding: [0, 1] },
      { speaker: 'B', embedding: [1, 0] },
    ]);
    expect(f.eer).toBe(1);
    expect(f.accuracy).toBe(0);
    expect(f.meanOwnCosine).toBe(0);
  });

  it('needs enrollment of two speakers', () => {
    expect(() => verificationFigures(enrollment.slice(0, 2), [{ speaker: 'A', embedding: [1, 0] }])).toThrow(/at least 2 speakers/);
  });
});

describe('sameSpeakerAggregates', () => {
  it('keeps, per method, only the speakers measured at every N of that method', () => {
    const cells = [
      cell('A', 1, 'encode', [utt([1, 0], null, 'a', 'a')], 0.1, 256),
      cell('B', 1, 'encode', [utt([1, 0], null, 'a', 'a')], 0.1, 256),
      cell('A', 5, 'encode', [utt([1, 0], null, 'a', 'a')], 0.1, 256),
      cell('B', 1, 'adapt-whole', [utt([0, 1], null, 'a', 'a')], 1, 1000),
    ];
    const same = sameSpeakerAggregates(cells, enrollment);
    expect(same.map((a) => `${a.method}/${a.n}/${a.speakers.join('+')}`)).toEqual(['encode/1/A', 'encode/5/A', 'adapt-whole/1/B']);
    // B's encode clone at N = 1 sounds like A: the pooled N = 1 point counts it, the same-speaker view does not.
    expect(aggregateCells(cells, enrollment)[0].accuracy).toBe(0.5);
    expect(same[0].accuracy).toBe(1);
  });
});

describe('aggregateCells', () => {
  const cells = [
    cell('B', 5, 'adapt-whole', [utt([0, 1], 4, 'one two', 'one two')], 10, 1000),
    cell('A', 1, 'adapt-embedding', [utt([1, 0], 6, 'a b c d', 'a b c')], 2, 256),
    cell('B', 1, 'adapt-embedding', [utt([1, 0], null, 'x y', 'x y')], 4, 256),
    cell('A', 5, 'adapt-whole', [utt([1, 0.1], 8, 'go', 'no')], 20, 3000),
  ];
  const agg = aggregateCells(cells, enrollment);

  it('groups by method in CLONE_METHODS order, then ascending N', () => {
    expect(agg.map((a) => `${a.method}/${a.n}`)).toEqual(['adapt-embedding/1', 'adapt-whole/5']);
    expect(agg[0].speakers).toEqual(['A', 'B']);
  });

  it('averages parallel figures only where they exist and pools WER over words', () => {
    expect(agg[0].mcdDb).toBe(6);
    expect(agg[0].f0RmseHz).toBe(12);
    expect(agg[0].wer).toBeCloseTo(1 / 6, 12); // one deletion in 4 + 2 reference words
    expect(agg[1].mcdDb).toBe(6);
    expect(agg[1].wer).toBeCloseTo(1 / 3, 12); // one substitution in 2 + 1 words
  });

  it('averages time and bytes over cells and scores clones against enrollment', () => {
    expect(agg[0].cloneSeconds).toBe(3);
    expect(agg[0].bytes).toBe(256);
    expect(agg[1].cloneSeconds).toBe(15);
    expect(agg[1].bytes).toBe(2000);
    // adapt-embedding: B's clone points at A, so one of two clones is misclassified.
    expect(agg[0].accuracy).toBe(0.5);
    expect(agg[1].accuracy).toBe(1);
    expect(agg[1].eer).toBe(0);
  });

  it('has no aggregate for no cells', () => {
    expect(aggregateCells([], enrollment)).toEqual([]);
  });
});

describe('summarizeCell', () => {
  it('gives the mean cosine to own enrollment, MCD and WER of one cell', () => {
    const s = summarizeCell(cell('A', 1, 'encode', [utt([1, 1], 3, 'a b', 'a'), utt([1, 0], 5, 'c d', 'c d')], 1, 256), enrollment);
    expect(s.meanOwnCosine).toBeCloseTo((Math.SQRT1_2 + 1) / 2, 12);
    expect(s.mcdDb).toBe(4);
    expect(s.wer).toBe(0.25);
  });

  it('refuses a speaker with no enrollment', () => {
    expect(() => summarizeCell(cell('C', 1, 'encode', [utt([1, 0], null, 'a', 'a')], 1, 1), enrollment)).toThrow(/no enrollment/);
  });
});
