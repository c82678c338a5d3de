// mapLimit: results in input order, never more than `limit` running at once, and an empty list.
import { describe, expect, it } from 'vitest';
import { mapLimit } from '../../../ml/eval/map-limit';

describe('mapLimit', () => {
  it('keeps input order and runs at most `limit` at a time', async () => {
    let running = 0;
    let most = 0;
    const out = await mapLimit([30, 5, 20, 1, 10], 2, async (ms, k) => {
      most = Math.max(most, ++running);
      await new Promise((r) => setTimeout(r, ms));
      running--;
      return `${k}:${ms}`;
    });
    expect(out).toEqual(['0:30', '1:5', '2:20', '3:1', '4:10']);
    expect(most).toBe(2);
  });

  it('gives an empty list for no items', async () => {
    expect(await mapLimit([], 4, async () => 1)).toEqual([]);
  });
});
