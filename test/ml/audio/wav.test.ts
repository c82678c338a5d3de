// 16-bit WAV writing: exact round trip through the decoder, clipping to [-1, 1], atomic writes, typed refusals.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeAudioBytes, decodeAudioFile } from '../../../ml/audio/decode';
import { encodeWav16, writeWav16 } from '../../../ml/audio/wav';
import { VCC_FILE, readMono, tempDir } from './fixtures';
import { sharedData } from '../../support/shared-data';

describe('wav', () => {
  it('round-trips real speech exactly once it is on the 16-bit grid', async () => {
    const speech = await readMono(sharedData(VCC_FILE));
    const samples = speech.samples.map((v) => Math.round(v * 32768) / 32768);
    const back = await decodeAudioBytes(encodeWav16({ samples, sampleRate: 16000 }));
    expect(back.format).toBe('wav-pcm16');
    expect(back.sampleRate).toBe(16000);
    expect(back.channels[0].length).toBe(samples.length);
    expect(back.channels[0].every((v, i) => v === samples[i])).toBe(true);
  });

  it('clips to [-1, 1] and rounds to the nearest step', async () => {
    const back = await decodeAudioBytes(encodeWav16({ samples: new Float32Array([2, -2, 0.5, 1 / 65536]), sampleRate: 8000 }));
    expect(Array.from(back.channels[0])).toEqual([32767 / 32768, -1, 0.5, 1 / 32768]);
  });

  it('writes atomically, leaving only the finished file', async () => {
    const dir = tempDir('wav');
    const file = path.join(dir, 'out.wav');
    fs.writeFileSync(file, 'old');
    await writeWav16(file, { samples: new Float32Array([0.25, -0.25]), sampleRate: 22050 });
    expect(fs.readdirSync(dir)).toEqual(['out.wav']);
    const back = await decodeAudioFile(file);
    expect(Array.from(back.channels[0])).toEqual([0.25, -0.25]);
    await expect(writeWav16(path.join(dir, 'missing', 'x.wav'), { samples: new Float32Array(1), sampleRate: 8000 })).rejects.toMatchObject({
      code: 'BAD_ARGUMENT',
    });
    expect(fs.readdirSync(dir)).toEqual(['out.wav']);
  });

  it('refuses NaN samples and fractional rates', () => {
    expect(() => encodeWav16({ samples: new Float32Array([0, Number.NaN]), sampleRate: 8000 })).toThrow(/sample 1/);
    expect(() => encodeWav16({ samples: new Float32Array(2), sampleRate: 8000.5 })).toThrow(/whole number/);
  });
});
