// The watermark verdicts a person reads: each case of the engine's report gets its own badge and line, and the chance
// that unmarked audio looks marked reads as "at most 1 in N" only when it is small.
import { describe, expect, it } from 'vitest';
import type { WatermarkReport } from '../../../ml/api';
import { chanceInUnmarked, verdictOf } from '../../../renderer/library/watermark-verdict';

const report = (r: Partial<WatermarkReport>): WatermarkReport => ({ name: 'a.wav', present: false, voiceHash: null, voice: null, confidence: 0, ...r });

describe('verdictOf', () => {
  it('names the voice of this library that made the file', () => {
    const v = verdictOf(report({ present: true, voiceHash: 0x1234, voice: { id: 'v1', name: 'Sam' }, confidence: 1 - 32 * 2 ** -24 }));
    expect(v.tone).toBe('ok');
    expect(v.badge).toBe('Made with this app');
    expect(v.text).toBe('Spoken by the voice “Sam”. A recording without the mark would show this with a chance of at most 1 in 520,000.');
  });

  it('gives the hash of a voice this library does not have', () => {
    const v = verdictOf(report({ present: true, voiceHash: 0xab, confidence: 0.999998 }));
    expect(v.tone).toBe('warn');
    expect(v.text).toMatch(/^By a voice that is not in this library, or one of two of its voices that share a hash \(voice hash 0x00ab\)\. .*1 in 500,000\.$/);
  });

  it('says when the mark is there but unreadable, and that no mark proves nothing', () => {
    expect(verdictOf(report({ present: true, confidence: 0.9999995 })).text).toMatch(/too damaged .* less than 1 in a million\.$/);
    const none = verdictOf(report({ confidence: 0.5 }));
    expect(none).toMatchObject({ tone: 'bad', badge: 'No mark found' });
    expect(none.text).toMatch(/proves nothing/);
  });
});

describe('chanceInUnmarked', () => {
  it('is null unless the chance is 1 % or less, and bounded below a millionth', () => {
    expect(chanceInUnmarked(0.5)).toBeNull();
    expect(chanceInUnmarked(1)).toBe('less than 1 in a million');
    expect(chanceInUnmarked(Number.NaN)).toBeNull();
    expect(chanceInUnmarked(0.99)).toBe('at most 1 in 100');
    expect(chanceInUnmarked(0.999759)).toBe('at most 1 in 4,100');
  });
});
