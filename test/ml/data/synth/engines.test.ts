// Tests for the engine voices: each engine speaks into a WAV, flite and festival phone timings cover the audio,
// espeak-ng gives none, and bad text is refused before any engine runs.

import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeAudioFile } from '../../../../ml/audio/decode';
import {
  ESPEAK_ACCENTS,
  ESPEAK_VARIANTS,
  listBaseVoices,
  synthesize,
  type BaseVoice,
  type EngineSegment,
} from '../../../../ml/data/synth/engines';

const TEXT = 'The quiet neighbour carefully polished the silver coins.';
const dir = mkdtempSync(path.join(os.tmpdir(), 'synth-engines-'));

async function speakAndMeasure(voice: BaseVoice): Promise<{ seconds: number; segments: EngineSegment[] | null }> {
  const wav = path.join(dir, `${voice.id}.wav`);
  const segments = await synthesize(voice, TEXT, wav);
  const decoded = await decodeAudioFile(wav);
  return { seconds: decoded.channels[0].length / decoded.sampleRate, segments };
}

function expectTimingsCover(segments: EngineSegment[] | null, seconds: number): void {
  expect(segments).not.toBeNull();
  const segs = segments ?? [];
  expect(segs.length).toBeGreaterThan(30);
  expect(segs[0].start).toBe(0);
  for (let i = 1; i < segs.length; i++) {
    expect(segs[i].start).toBe(segs[i - 1].end);
    expect(segs[i].end).toBeGreaterThanOrEqual(segs[i].start);
  }
  expect(segs.map((s) => s.phone)).toEqual(expect.arrayContaining(['pau', 'k', 'oy']));
  expect(Math.abs(segs[segs.length - 1].end - seconds)).toBeLessThan(0.5);
}

describe('base voices', () => {
  it('are every espeak-ng accent × variant plus 4 flite and 3 festival voices', () => {
    const voices = listBaseVoices();
    expect(voices.length).toBe(ESPEAK_ACCENTS.length * ESPEAK_VARIANTS.length + 7);
    expect(new Set(voices.map((v) => v.id)).size).toBe(voices.length);
  });
});

describe('synthesize', () => {
  it('gives festival phone segments whose durations sum to the audio length', async () => {
    for (const voice of ['kal', 'slt']) {
      const { seconds, segments } = await speakAndMeasure({ id: `festival_${voice}`, engine: 'festival', voice });
      expect(seconds).toBeGreaterThan(2);
      expectTimingsCover(segments, seconds);
    }
  });

  it('gives flite phone segments covering the audio', async () => {
    const { seconds, segments } = await speakAndMeasure({ id: 'flite_rms', engine: 'flite', voice: 'rms' });
    expectTimingsCover(segments, seconds);
  });

  it('speaks espeak-ng variants without timings', async () => {
    const { seconds, segments } = await speakAndMeasure({ id: 'espeak-ng_en-gb+f3', engine: 'espeak-ng', voice: 'en-gb+f3' });
    expect(segments).toBeNull();
    expect(seconds).toBeGreaterThan(2);
  });

  it('refuses text an engine would read as an option', async () => {
    await expect(synthesize(listBaseVoices()[0], '-v fr', path.join(dir, 'x.wav'))).rejects.toThrow(/not starting with/);
  });
});
