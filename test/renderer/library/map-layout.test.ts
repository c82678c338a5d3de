// Voice-map layout: same scale on both axes, centred, inside the margins, y pointing up.
import { describe, expect, it } from 'vitest';
import { layoutPoints } from '../../../renderer/library/map-layout';

const pt = (id: string, x: number, y: number) => ({ id, name: id, builtin: true, x, y });

describe('layoutPoints', () => {
  it('fits the wider axis into the box and keeps distances proportional', () => {
    const placed = layoutPoints([pt('a', -2, 0), pt('b', 2, 0), pt('c', 0, 1)], 500, 300, 50);
    const [a, b, c] = placed;
    expect(a.px).toBeCloseTo(50);
    expect(b.px).toBeCloseTo(450);
    // 4 units span 400 px, so 1 unit up is 100 px higher (smaller y) than the middle row.
    expect(a.py - c.py).toBeCloseTo(100);
    for (const p of placed) {
      expect(p.py).toBeGreaterThanOrEqual(50);
      expect(p.py).toBeLessThanOrEqual(250);
    }
  });

  it('centres a single voice', () => {
    expect(layoutPoints([pt('a', 3, 4)], 200, 100, 10)[0]).toMatchObject({ px: 100, py: 50 });
  });
});
