// Decoding every common kind of WAV (PCM 8/16/24/32, float 32/64, A-law, µ-law, extensible, RF64, mono to
// 3 channels, 8–96 kHz) against the reference samples within quantization, and FLAC/MP3/Ogg Vorbis made by sox.
import fs from 'node:fs';
import path from 'node:path';
import wavefile from 'wavefile';
import { describe, expect, it } from 'vitest';
import { decodeAudioBytes, decodeAudioFile } from '../../../ml/audio/decode';
import { VCC_FILE, readMono, sox, tempDir } from './fixtures';
import { sharedData } from '../../support/shared-data';

const dir = tempDir('decode');

/** Two different test signals in (-0.9, 0.9): a chord and a sweep. */
function reference(sampleRate: number, seconds: number): Float32Array[] {
  const n = Math.round(sampleRate * seconds);
  const a = new Float32Array(n);
  const b = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const t = i / sampleRate;
    a[i] = 0.45 * Math.sin(2 * Math.PI * 220 * t) + 0.3 * Math.sin(2 * Math.PI * 1330 * t + 1) + 0.1 * Math.sin(2 * Math.PI * 3100 * t);
    b[i] = 0.85 * Math.sin(2 * Math.PI * (100 + 1500 * t) * t);
  }
  return [a, b];
}

const INT_FULL_SCALE: Record<string, number> = { '16': 32768, '24': 8388608, '32': 2147483648 };

/** Writes `channels` with wavefile at the given bit depth code; returns the step of one quantization level. */
function writeWithWavefile(file: string, channels: Float32Array[], sampleRate: number, depth: string): number {
  let data: ArrayLike<number>[];
  let step: number;
  if (depth === '8') {
    data = channels.map((c) => Array.from(c, (v) => Math.round(v * 128 + 128)));
    step = 1 / 128;
  } else if (depth in INT_FULL_SCALE) {
    const s = INT_FULL_SCALE[depth];
    data = channels.map((c) => Array.from(c, (v) => Math.round(v * s)));
    step = 1 / s;
  } else {
    data = channels;
    step = depth === '32f' ? 1e-7 : 1e-12;
  }
  const wav = new wavefile.WaveFile();
  wav.fromScratch(channels.length, sampleRate, depth, data);
  fs.writeFileSync(file, wav.toBuffer());
  return step;
}

function maxError(a: Float32Array, b: Float32Array): number {
  let e = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) e = Math.max(e, Math.abs(a[i] - b[i]));
  return e;
}

describe('decodeAudioFile: WAV', () => {
  it.each([
    ['8', 'wav-pcm8'],
    ['16', 'wav-pcm16'],
    ['24', 'wav-pcm24'],
    ['32', 'wav-pcm32'],
    ['32f', 'wav-float32'],
    ['64', 'wav-float64'],
  ])('reads %s-bit wavefile output, mono and stereo, within quantization', async (depth, format) => {
    const ref = reference(44100, 0.5);
    for (const channels of [ref.slice(0, 1), ref]) {
      const file = path.join(dir, `wf-${depth}-${channels.length}.wav`);
      const step = writeWithWavefile(file, channels, 44100, depth);
      const d = await decodeAudioFile(file);
      expect(d.format).toBe(format);
      expect(d.sampleRate).toBe(44100);
      expect(d.channels.length).toBe(channels.length);
      for (let c = 0; c < channels.length; c++) {
        expect(d.channels[c].length).toBe(channels[c].length);
        expect(maxError(d.channels[c], channels[c])).toBeLessThanOrEqual(step * 0.5 + 1e-7);
      }
    }
  });

  it.each([8000, 22050, 44100, 48000, 96000])('reads 16-bit stereo at %i Hz', async (rate) => {
    const ref = reference(rate, 0.25);
    const file = path.join(dir, `rate-${rate}.wav`);
    writeWithWavefile(file, ref, rate, '16');
    const d = await decodeAudioFile(file);
    expect(d.sampleRate).toBe(rate);
    expect(d.channels[1].length).toBe(ref[1].length);
    expect(maxError(d.channels[1], ref[1])).toBeLessThanOrEqual(0.5 / 32768 + 1e-7);
  });

  it.each([
    [['-e', 'unsigned-integer', '-b', '8'], 'wav-pcm8', 1 / 128],
    [['-e', 'signed-integer', '-b', '24'], 'wav-pcm24', 1 / 8388608],
    [['-e', 'signed-integer', '-b', '32'], 'wav-pcm32', 1 / 2147483648],
    [['-e', 'floating-point', '-b', '64'], 'wav-float64', 1e-7],
  ])('reads sox output %j (stereo, extensible where sox writes it)', async (args, format, step) => {
    const ref = reference(48000, 0.25);
    const src = path.join(dir, 'sox-src.wav');
    writeWithWavefile(src, ref, 48000, '32f');
    const file = path.join(dir, `sox-${format}.wav`);
    sox('-D', src, ...args, file);
    const d = await decodeAudioFile(file);
    expect(d.format).toBe(format);
    expect(d.channels.length).toBe(2);
    for (let c = 0; c < 2; c++) expect(maxError(d.channels[c], ref[c])).toBeLessThanOrEqual(step + 1e-7);
  });

  it('reads WAVE_FORMAT_EXTENSIBLE float with 3 channels as float, not as integers', async () => {
    const ref = reference(16000, 0.25);
    const channels = [ref[0], ref[1], ref[0].map((v) => -v)];
    const wav = new wavefile.WaveFile();
    wav.fromScratch(3, 16000, '32f', channels);
    Object.assign(wav.fmt, { audioFormat: 0xfffe, cbSize: 22, validBitsPerSample: 32, dwChannelMask: 7 });
    Object.assign(wav.fmt, { subformat: [3, 1048576, 2852126848, 1905997824] });
    const bytes = wav.toBuffer();
    expect(bytes[20] | (bytes[21] << 8)).toBe(0xfffe);
    const d = await decodeAudioBytes(bytes, 'ext.wav');
    expect(d.format).toBe('wav-float32');
    expect(maxError(d.channels[2], channels[2])).toBeLessThan(1e-7);
  });

  it('reads RF64', async () => {
    const ref = reference(16000, 0.25)[0];
    const wav = new wavefile.WaveFile();
    wav.fromScratch(1, 16000, '16', Array.from(ref, (v) => Math.round(v * 32768)));
    const riff = wav.toBuffer();
    const fmtAndData = riff.subarray(12);
    const dataBytes = ref.length * 2;
    const out = new Uint8Array(12 + 36 + fmtAndData.length);
    const view = new DataView(out.buffer);
    out.set(new TextEncoder().encode('RF64'), 0);
    view.setUint32(4, 0xffffffff, true);
    out.set(new TextEncoder().encode('WAVEds64'), 8);
    view.setUint32(16, 28, true);
    view.setUint32(20, out.length - 8, true); // RIFF size, low word
    view.setUint32(28, dataBytes, true); // data size, low word
    view.setUint32(36, ref.length, true); // sample count, low word
    out.set(fmtAndData, 48);
    const dataSizeAt = 48 + fmtAndData.length - dataBytes - 4;
    expect(String.fromCharCode(...out.subarray(dataSizeAt - 4, dataSizeAt))).toBe('data');
    view.setUint32(dataSizeAt, 0xffffffff, true);
    const d = await decodeAudioBytes(out, 'big.wav');
    expect(d.format).toBe('rf64-pcm16');
    expect(d.channels[0].length).toBe(ref.length);
    expect(maxError(d.channels[0], ref)).toBeLessThanOrEqual(0.5 / 32768 + 1e-7);
  });

  it.each([
    ['a-law', 'wav-alaw'],
    ['mu-law', 'wav-mulaw'],
  ])('reads %s WAV exactly as sox expands it', async (encoding, format) => {
    const file = path.join(dir, `${encoding}.wav`);
    const expanded = path.join(dir, `${encoding}-16.wav`);
    sox(sharedData(VCC_FILE), '-r', '8000', '-e', encoding, file);
    sox(file, '-e', 'signed-integer', '-b', '16', expanded);
    const d = await decodeAudioFile(file);
    const ref = await readMono(expanded);
    expect(d.format).toBe(format);
    expect(d.sampleRate).toBe(8000);
    expect(d.channels[0].length).toBe(ref.samples.length);
    expect(maxError(d.channels[0], ref.samples)).toBe(0);
  });
});

describe('decodeAudioFile: compressed', () => {
  /** Highest normalized correlation between a and b shifted by 0..maxLag samples. */
  function bestCorrelation(a: Float32Array, b: Float32Array, maxLag: number): number {
    let best = -1;
    for (let lag = 0; lag <= maxLag; lag++) {
      let ab = 0;
      let aa = 0;
      let bb = 0;
      const n = Math.min(a.length, b.length - lag);
      for (let i = 0; i < n; i++) {
        ab += a[i] * b[i + lag];
        aa += a[i] * a[i];
        bb += b[i + lag] * b[i + lag];
      }
      best = Math.max(best, ab / Math.sqrt(aa * bb));
    }
    return best;
  }

  it('reads 16-bit and 24-bit FLAC losslessly', async () => {
    const ref = await readMono(sharedData(VCC_FILE));
    for (const bits of ['16', '24']) {
      const file = path.join(dir, `speech-${bits}.flac`);
      sox(sharedData(VCC_FILE), '-b', bits, '-r', '44100', '-c', '2', file);
      const wav = path.join(dir, `speech-${bits}.wav`);
      sox(file, '-e', 'floating-point', '-b', '32', wav);
      const d = await decodeAudioFile(file);
      const expected = await decodeAudioFile(wav);
      expect(d.format).toBe('flac');
      expect(d.sampleRate).toBe(44100);
      expect(d.channels.length).toBe(2);
      // Within 2 steps of 16 bits: decoders differ in full scale (32767 or 32768), not in the samples.
      expect(maxError(d.channels[1], expected.channels[1])).toBeLessThan(2 / 32768);
      expect(Math.abs(d.channels[0].length / 44100 - ref.samples.length / 16000)).toBeLessThan(0.01);
    }
  });

  it.each([
    ['mp3', 'mp3', 1500],
    ['ogg', 'ogg-vorbis', 0],
  ])('reads .%s made by sox from real speech', async (ext, format, maxLag) => {
    const ref = await readMono(sharedData(VCC_FILE));
    const file = path.join(dir, `speech.${ext}`);
    sox(sharedData(VCC_FILE), file);
    const d = await decodeAudioFile(file);
    expect(d.format).toBe(format);
    expect(d.sampleRate).toBe(16000);
    expect(d.channels.length).toBe(1);
    expect(d.channels[0].length).toBeGreaterThanOrEqual(ref.samples.length);
    expect(d.channels[0].length).toBeLessThan(ref.samples.length + 3000);
    expect(bestCorrelation(ref.samples, d.channels[0], maxLag)).toBeGreaterThan(0.9);
  });

  it('reads the shared corpora as they are', async () => {
    for (const rel of [VCC_FILE, 'librispeech-subset/train-clean-100/1502-122615-0000.flac', 'fsdd/0_george_0.flac']) {
      const d = await decodeAudioFile(sharedData(rel));
      expect(d.format).toBe('flac');
      expect(d.channels[0].length).toBeGreaterThan(1000);
    }
  });
});
