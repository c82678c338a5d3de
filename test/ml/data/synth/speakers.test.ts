// Tests for synthetic speakers: same seed → same speakers, draws inside the ranges, a whole base voice held out,
// and enough distinct voices from a few engines.

import { describe, expect, it } from 'vitest';
import { AUGMENTATION_RANGES } from '../../../../ml/data/synth/augment';
import { listBaseVoices } from '../../../../ml/data/synth/engines';
import { DRAW_RANGES, HELD_OUT_BASE_VOICES, makeSpeakers } from '../../../../ml/data/synth/speakers';

describe('makeSpeakers', () => {
  const speakers = makeSpeakers(400, 7);

  it('is deterministic in the seed and differs between seeds', () => {
    expect(makeSpeakers(400, 7)).toEqual(speakers);
    const other = makeSpeakers(400, 8);
    expect(other.filter((s, i) => JSON.stringify(s) === JSON.stringify(speakers[i])).length).toBeLessThan(5);
  });

  it('keeps a prefix stable when more speakers are asked for', () => {
    expect(makeSpeakers(50, 7)).toEqual(speakers.slice(0, 50));
  });

  it('draws every augmentation inside its range and gives hundreds of distinct voices', () => {
    for (const s of speakers) {
      for (const key of ['pitchCents', 'vtlnAlpha', 'rate'] as const) {
        const [lo, hi] = AUGMENTATION_RANGES[key];
        expect(DRAW_RANGES[key][0]).toBeGreaterThanOrEqual(lo);
        expect(DRAW_RANGES[key][1]).toBeLessThanOrEqual(hi);
        expect(s.augmentation[key]).toBeGreaterThanOrEqual(DRAW_RANGES[key][0]);
        expect(s.augmentation[key]).toBeLessThanOrEqual(DRAW_RANGES[key][1]);
      }
    }
    const distinct = new Set(speakers.map((s) => JSON.stringify([s.base.id, s.augmentation])));
    expect(distinct.size).toBe(400);
    const engines = new Set(speakers.map((s) => s.base.engine));
    expect([...engines].sort()).toEqual(['espeak-ng', 'festival', 'flite']);
  });

  it('holds out every speaker of a held-out base voice and about a tenth overall', () => {
    expect(listBaseVoices().map((v) => v.id)).toEqual(expect.arrayContaining([...HELD_OUT_BASE_VOICES]));
    const heldVoice = speakers.filter((s) => HELD_OUT_BASE_VOICES.includes(s.base.id));
    expect(heldVoice.length).toBeGreaterThan(0);
    expect(heldVoice.every((s) => s.heldOut)).toBe(true);
    const share = speakers.filter((s) => s.heldOut).length / speakers.length;
    expect(share).toBeGreaterThan(0.05);
    expect(share).toBeLessThan(0.2);
    const trainVoices = new Set(speakers.filter((s) => !s.heldOut).map((s) => s.base.id));
    for (const id of HELD_OUT_BASE_VOICES) expect(trainVoices.has(id)).toBe(false);
  });

  it('rejects a bad count or seed', () => {
    expect(() => makeSpeakers(0, 1)).toThrow(/Speaker count/);
    expect(() => makeSpeakers(3, 1.5)).toThrow(/Seed/);
  });
});
