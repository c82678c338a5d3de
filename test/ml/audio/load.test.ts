// The loader on real speech: any rate and channel count comes out 16 kHz mono, trimmed and at -23 dBFS; warnings
// for clipping, noise, quiet and short recordings, none for a clean studio reading.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_RATE } from '../../../ml/audio/config';
import { peakDbfs } from '../../../ml/audio/levels';
import { loadClip, loadClipFromBytes } from '../../../ml/audio/load';
import { activeLevelDbfs } from '../../../ml/audio/loudness';
import { encodeWav16 } from '../../../ml/audio/wav';
import { VCC_FILE, concat, readMono, sox, tempDir, whiteNoise } from './fixtures';
import { sharedData } from '../../support/shared-data';

const dir = tempDir('load');

describe('loadClip', () => {
  it('loads a clean VCC2016 reading: 16 kHz mono, trimmed, -23 dBFS, no warnings', async () => {
    const raw = await readMono(sharedData(VCC_FILE));
    const clip = await loadClip(sharedData(VCC_FILE));
    expect(clip.audio.sampleRate).toBe(SAMPLE_RATE);
    expect(clip.warnings).toEqual([]);
    expect(clip.speechSeconds).toBeGreaterThan(3);
    expect(clip.audio.samples.length).toBeLessThan(raw.samples.length);
    expect(clip.audio.samples.length / SAMPLE_RATE).toBeGreaterThan(clip.speechSeconds);
    expect(activeLevelDbfs(clip.audio)).toBeCloseTo(-23, 1);
    expect(peakDbfs(clip.audio)).toBeLessThanOrEqual(-1 + 1e-6);
  });

  it('gives the same clip from a 44.1 kHz stereo 24-bit WAV, from disk and from memory', async () => {
    const file = path.join(dir, 'stereo.wav');
    sox(sharedData(VCC_FILE), '-r', '44100', '-c', '2', '-b', '24', file);
    const a = await loadClip(file, { normalize: false, trim: false });
    const b = await loadClipFromBytes(fs.readFileSync(file), 'stereo.wav', { normalize: false, trim: false });
    const direct = await loadClip(sharedData(VCC_FILE), { normalize: false, trim: false });
    expect(a.audio.samples).toEqual(b.audio.samples);
    expect(Math.abs(a.audio.samples.length - direct.audio.samples.length)).toBeLessThanOrEqual(1);
    expect(Math.abs(activeLevelDbfs(a.audio) - activeLevelDbfs(direct.audio))).toBeLessThan(0.1);
  });

  it('warns about clipping, noise, quiet and short speech', async () => {
    const speech = await readMono(sharedData(VCC_FILE));
    const load = (samples: Float32Array) => loadClipFromBytes(encodeWav16({ samples, sampleRate: 16000 }), 'x.wav');
    const codes = async (samples: Float32Array) => (await load(samples)).warnings.map((w) => w.code);
    expect(await codes(speech.samples.map((v) => v * 8))).toContain('CLIPPING');
    const noise = whiteNoise(speech.samples.length, 0.02, 9);
    expect(await codes(speech.samples.map((v, i) => v + noise[i]))).toContain('NOISY');
    expect(await codes(speech.samples.map((v) => v * 0.01))).toEqual(['QUIET']);
    const short = concat(new Float32Array(8000), speech.samples.subarray(3000, 3000 + 28000), new Float32Array(8000));
    expect(await codes(short)).toEqual(['SHORT']);
    for (const w of (await load(speech.samples.map((v) => v * 8))).warnings) expect(w.message).not.toContain('\n');
  });
});
