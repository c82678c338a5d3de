// `voiceclone info`'s report on real recordings: format, rate, channels, speech, median F0 of a female and a male
// VCC2016 voice, levels and warnings; bad input stays a typed error.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeAudio } from '../../../ml/audio/analyze';
import { VCC_FILE, sox, tempDir } from './fixtures';
import { sharedData } from '../../support/shared-data';

describe('analyzeAudio', () => {
  it('describes a female VCC2016 reading', async () => {
    const r = await analyzeAudio(sharedData(VCC_FILE));
    expect(r).toMatchObject({ file: sharedData(VCC_FILE), format: 'flac', sampleRate: 16000, channels: 1, warnings: [] });
    expect(r.durationSeconds).toBeCloseTo(3.52, 1);
    expect(r.speechSeconds).toBeGreaterThan(3);
    expect(r.speechSeconds).toBeLessThan(r.durationSeconds);
    expect(r.medianF0Hz).toBeGreaterThan(160);
    expect(r.medianF0Hz).toBeLessThan(260);
    expect(r.loudnessDbfs).toBeGreaterThan(r.noiseFloorDbfs + 20);
    expect(r.peakDbfs).toBeGreaterThan(r.loudnessDbfs);
    expect(r.peakDbfs).toBeLessThanOrEqual(0);
  });

  it('describes a male reading converted to 48 kHz stereo 24-bit WAV', async () => {
    const file = path.join(tempDir('analyze'), 'male.wav');
    sox(sharedData('vcc2016/train/SM1/100001.flac'), '-r', '48000', '-c', '2', '-b', '24', file);
    const r = await analyzeAudio(file);
    expect(r).toMatchObject({ format: 'wav-pcm24', sampleRate: 48000, channels: 2 });
    expect(r.medianF0Hz).toBeGreaterThan(70);
    expect(r.medianF0Hz).toBeLessThan(160);
  });

  it('describes a clip too short to clone from, with the reason as a warning', async () => {
    const r = await analyzeAudio(sharedData('fsdd/3_theo_12.flac'));
    expect(r).toMatchObject({ format: 'flac', sampleRate: 8000, channels: 1 });
    expect(r.durationSeconds).toBeCloseTo(2061 / 8000, 4);
    expect(r.speechSeconds).toBeLessThan(0.5);
    expect(r.warnings[0]).toMatch(/speech/);
  });

  it('fails with a typed error on bad input', async () => {
    await expect(analyzeAudio('/nonexistent/x.wav')).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
  });
});
