// Every kind of bad input yields its typed error, from the file loader and the in-memory loader alike: empty, not
// audio, truncated or lying header, unsupported codec or rate, silence only, too little speech, too long, NaN/Inf.
import fs from 'node:fs';
import path from 'node:path';
import wavefile from 'wavefile';
import { describe, expect, it } from 'vitest';
import { encodeWav16 } from '../../../ml/audio/wav';
import { loadClip, loadClipFromBytes } from '../../../ml/audio/load';
import { isVoiceCloneError, type VoiceCloneErrorCode } from '../../../ml/errors';
import { VCC_FILE, concat, readMono, sox, tempDir, whiteNoise } from './fixtures';
import { sharedData } from '../../support/shared-data';

const dir = tempDir('bad');

async function codeOf(run: () => Promise<unknown>): Promise<{ code: VoiceCloneErrorCode; message: string }> {
  try {
    await run();
  } catch (e) {
    if (isVoiceCloneError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('expected a VoiceCloneError, got a result');
}

/** Expects `bytes` to fail with `code` from both loaders, with a one-line message naming the file. */
async function expectBoth(bytes: Uint8Array, name: string, code: VoiceCloneErrorCode): Promise<string> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  const fromFile = await codeOf(() => loadClip(file));
  const fromBytes = await codeOf(() => loadClipFromBytes(bytes, name));
  expect(fromFile.code).toBe(code);
  expect(fromBytes.code).toBe(code);
  expect(fromFile.message).toContain(name);
  expect(fromFile.message).not.toContain('\n');
  return fromFile.message;
}

function floatWav(samples: Float32Array, rate: number): Uint8Array {
  const wav = new wavefile.WaveFile();
  wav.fromScratch(1, rate, '32f', samples);
  return wav.toBuffer();
}

describe('bad input', () => {
  it('empty file → EMPTY_FILE', async () => {
    expect(await expectBoth(new Uint8Array(0), 'empty.wav', 'EMPTY_FILE')).toMatch(/empty/);
  });

  it('WAV with a data chunk of 0 bytes → EMPTY_FILE', async () => {
    await expectBoth(encodeWav16({ samples: new Float32Array(0), sampleRate: 16000 }), 'nodata.wav', 'EMPTY_FILE');
  });

  it('text, an image, random bytes → NOT_AUDIO', async () => {
    await expectBoth(new TextEncoder().encode('hello, this is not audio at all\n'), 'notes.wav', 'NOT_AUDIO');
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Uint8Array(100)]);
    await expectBoth(png, 'picture.mp3', 'NOT_AUDIO');
    const random = Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919 + 13) % 251);
    expect(await expectBoth(random, 'random.flac', 'NOT_AUDIO')).toMatch(/WAV, FLAC, MP3 or Ogg Vorbis/);
  });

  it('WAV cut short, or whose header promises more data than there is → TRUNCATED', async () => {
    const speech = await readMono(sharedData(VCC_FILE));
    const wav = encodeWav16(speech);
    expect(await expectBoth(wav.subarray(0, Math.floor(wav.length / 2)), 'cut.wav', 'TRUNCATED')).toMatch(/promises/);
    const lying = wav.slice();
    new DataView(lying.buffer).setUint32(40, wav.length * 3, true); // data chunk size
    await expectBoth(lying, 'lying.wav', 'TRUNCATED');
    await expectBoth(wav.subarray(0, 30), 'header-only.wav', 'TRUNCATED');
  });

  it('WAV whose header lies about channels or frame size → TRUNCATED', async () => {
    const wav = encodeWav16({ samples: new Float32Array(16000).fill(0.1), sampleRate: 16000 });
    const noChannels = wav.slice();
    new DataView(noChannels.buffer).setUint16(22, 0, true);
    await expectBoth(noChannels, 'nochannels.wav', 'TRUNCATED');
    const badAlign = wav.slice();
    new DataView(badAlign.buffer).setUint16(32, 3, true);
    await expectBoth(badAlign, 'badalign.wav', 'TRUNCATED');
  });

  it('FLAC cut short → TRUNCATED', async () => {
    const file = path.join(dir, 'speech.flac');
    sox(sharedData(VCC_FILE), file);
    const bytes = fs.readFileSync(file);
    await expectBoth(bytes.subarray(0, Math.floor(bytes.length * 0.6)), 'cut.flac', 'TRUNCATED');
  });

  it('ADPCM, GSM, Ogg Opus, AIFF and rates outside 8–96 kHz → UNSUPPORTED_CODEC', async () => {
    for (const [args, name] of [
      [['-r', '8000', '-e', 'ima-adpcm'], 'ima.wav'],
      [['-r', '8000', '-e', 'ms-adpcm'], 'ms.wav'],
      [['-r', '8000', '-e', 'gsm-full-rate'], 'gsm.wav'],
      [['-r', '16000'], 'speech.aiff'],
      [['-r', '4000'], 'low-rate.wav'],
      [['-r', '192000'], 'high-rate.wav'],
    ] as const) {
      const file = path.join(dir, `src-${name}`);
      sox(sharedData(VCC_FILE), ...args, file);
      const message = await expectBoth(fs.readFileSync(file), name, 'UNSUPPORTED_CODEC');
      expect(message).toMatch(/not supported|only 8000–96000 Hz/);
    }
    const opusHead = new Uint8Array(64);
    opusHead.set(new TextEncoder().encode('OggS'), 0);
    opusHead[26] = 1;
    opusHead.set(new TextEncoder().encode('OpusHead'), 28);
    expect(await expectBoth(opusHead, 'voice.opus', 'UNSUPPORTED_CODEC')).toMatch(/Ogg Opus/);
  });

  it('digital silence, low hiss, a steady hum → SILENCE_ONLY', async () => {
    await expectBoth(encodeWav16({ samples: new Float32Array(32000), sampleRate: 16000 }), 'silence.wav', 'SILENCE_ONLY');
    await expectBoth(encodeWav16({ samples: whiteNoise(48000, 0.003, 1), sampleRate: 16000 }), 'hiss.wav', 'SILENCE_ONLY');
    const hum = Float32Array.from({ length: 48000 }, (_, i) => 0.2 * Math.sin((2 * Math.PI * 50 * i) / 16000));
    await expectBoth(encodeWav16({ samples: hum, sampleRate: 16000 }), 'hum.wav', 'SILENCE_ONLY');
  });

  it('under 0.5 s of speech → TOO_SHORT', async () => {
    const speech = await readMono(sharedData(VCC_FILE));
    // 0.3 s of a vowel-rich stretch of the reading, padded with a second of silence each side.
    const word = speech.samples.subarray(Math.round(0.5 * 16000), Math.round(0.8 * 16000));
    const padded = concat(new Float32Array(16000), word, new Float32Array(16000));
    expect(await expectBoth(encodeWav16({ samples: padded, sampleRate: 16000 }), 'word.wav', 'TOO_SHORT')).toMatch(/0\.5 s/);
  });

  it('over 5 minutes → TOO_LONG, refused from the header before decoding', async () => {
    const wav = encodeWav16({ samples: new Float32Array(8000 * 301), sampleRate: 8000 });
    expect(await expectBoth(wav, 'long.wav', 'TOO_LONG')).toMatch(/301\.0 s/);
  });

  it('NaN or infinite samples → INVALID_SAMPLES', async () => {
    const speech = await readMono(sharedData(VCC_FILE));
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY]) {
      const samples = speech.samples.slice();
      samples[20000] = bad;
      expect(await expectBoth(floatWav(samples, 16000), `nan-${bad}.wav`, 'INVALID_SAMPLES')).toMatch(/1\.25 s/);
    }
  });

  it('missing file → FILE_NOT_FOUND; a folder → BAD_ARGUMENT', async () => {
    expect((await codeOf(() => loadClip(path.join(dir, 'nope.wav')))).code).toBe('FILE_NOT_FOUND');
    expect((await codeOf(() => loadClip(dir))).code).toBe('BAD_ARGUMENT');
  });
});
