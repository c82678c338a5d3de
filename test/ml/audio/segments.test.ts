// Cutting one recording into ~3 s clips: cuts move into pauses, nothing is lost, and a real LibriSpeech clip gives
// floor(duration / 3) pieces.
import { describe, expect, it } from 'vitest';
import { loadClip } from '../../../ml/audio/load';
import { cutIntoSegments } from '../../../ml/audio/segments';
import { sharedData } from '../../support/shared-data';
import { tone } from './fixtures';

const SR = 16000;

function bursts(spans: Array<[number, number]>, seconds: number): Float32Array {
  const x = new Float32Array(seconds * SR);
  for (const [a, b] of spans) x.set(tone(200, SR, b - a, 0.3), Math.round(a * SR));
  return x;
}

describe('cutIntoSegments', () => {
  it('moves a cut into the nearby pause instead of cutting at the even point', () => {
    // Speech 0-2.7 s and 3.3-6.4 s: the even cut (3.2 s) would land in speech; the pause is 2.7-3.3 s.
    const audio = { samples: bursts([[0.05, 2.7], [3.3, 6.35]], 6.4), sampleRate: SR };
    const parts = cutIntoSegments(audio, 3);
    expect(parts).toHaveLength(2);
    const cut = parts[0].samples.length / SR;
    expect(cut).toBeGreaterThan(2.7);
    expect(cut).toBeLessThan(3.3);
  });

  it('keeps the even cut when no pause is near', () => {
    const audio = { samples: bursts([[0, 6]], 6), sampleRate: SR };
    expect(cutIntoSegments(audio, 3).map((p) => p.samples.length)).toEqual([3 * SR, 3 * SR]);
  });

  it('cuts a real LibriSpeech clip into floor(duration / 3) pieces that add up to it', async () => {
    const audio = (await loadClip(sharedData('librispeech-subset/train-clean-100/103-1240-0000.flac'))).audio;
    const parts = cutIntoSegments(audio, 3);
    expect(parts).toHaveLength(Math.floor(audio.samples.length / SR / 3));
    expect(parts.reduce((s, p) => s + p.samples.length, 0)).toBe(audio.samples.length);
    for (const p of parts) expect(p.samples.length / SR).toBeGreaterThan(1.5);
  });

  it('refuses a length that is not positive', () => {
    expect(() => cutIntoSegments({ samples: new Float32Array(SR), sampleRate: SR }, 0)).toThrow(/positive/);
  });
});
