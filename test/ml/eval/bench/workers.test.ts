// Bench workers: progress of several worker processes merged into one line (the processes themselves run in the
// quick bench of run.test.ts, whose default is one worker per core).
import { describe, expect, it } from 'vitest';
import { mergeProgress } from '../../../../ml/eval/bench/workers';

describe('mergeProgress', () => {
  it('adds up the workers that have reported and divides the time left among all of them', () => {
    const merged = mergeProgress(
      [
        { done: 3, total: 10, measured: 2, measuredSeconds: 30, label: 'a' },
        null,
        { done: 1, total: 9, measured: 1, measuredSeconds: 12, label: 'b' },
      ],
      'b',
    );
    expect(merged).toEqual({ done: 4, total: 19, measured: 3, measuredSeconds: 42, label: 'b', workers: 3 });
  });
});
