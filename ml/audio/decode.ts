// Turns the bytes of an audio file into float channels: WAV/RF64 through wavefile, FLAC, MP3 and Ogg Vorbis through
// audio-decode. The format comes from the magic bytes, never the file name; every failure becomes a VoiceCloneError.

import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { decodeChunked } from 'audio-decode';
import wavefile from 'wavefile';
import { VoiceCloneError } from '../errors';
import { concatSamples } from './concat';
import type { DecodedAudio } from './types';

export interface DecodeOptions {
  /** Refuse (TOO_LONG) audio longer than this many seconds, before holding all of it in memory. */
  maxSeconds?: number;
}

/** Sample rates accepted from files (Hz). */
export const SUPPORTED_RATES = { min: 8000, max: 96000 } as const;

const SUPPORTED_FORMATS = 'WAV, FLAC, MP3 or Ogg Vorbis';
/** Bytes handed to the compressed-audio decoders at a time. */
const DECODE_CHUNK_BYTES = 1 << 16;

type CompressedCodec = 'flac' | 'mp3' | 'oga';
type Sniffed =
  | { kind: 'wav' }
  | { kind: 'compressed'; codec: CompressedCodec; label: string }
  | { kind: 'unsupported'; label: string }
  | { kind: 'unknown' };

function ascii(bytes: Uint8Array, start: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(start, start + length));
}

/** MPEG audio frame header: 11 sync bits, a valid version, layer III, a valid bitrate and sample-rate index. */
function isMp3FrameHeader(b: Uint8Array): boolean {
  if (b.length < 4 || b[0] !== 0xff || (b[1] & 0xe0) !== 0xe0) return false;
  const version = (b[1] >> 3) & 3;
  const layer = (b[1] >> 1) & 3;
  const bitrate = b[2] >> 4;
  const rate = (b[2] >> 2) & 3;
  return version !== 1 && layer === 1 && bitrate !== 0 && bitrate !== 15 && rate !== 3;
}

/** Identifies the container and codec from the first bytes of the file. */
function sniff(b: Uint8Array): Sniffed {
  const head4 = ascii(b, 0, 4);
  if ((head4 === 'RIFF' || head4 === 'RIFX' || head4 === 'RF64') && ascii(b, 8, 4) === 'WAVE') return { kind: 'wav' };
  if (head4 === 'fLaC') return { kind: 'compressed', codec: 'flac', label: 'FLAC' };
  if (head4 === 'OggS') {
    const packet = 27 + (b[26] ?? 0); // first packet, after the page header and its segment table
    if (ascii(b, packet + 1, 6) === 'vorbis') return { kind: 'compressed', codec: 'oga', label: 'Ogg Vorbis' };
    if (ascii(b, packet, 8) === 'OpusHead') return { kind: 'unsupported', label: 'Ogg Opus' };
    if (ascii(b, packet + 1, 4) === 'FLAC') return { kind: 'unsupported', label: 'Ogg FLAC' };
    return { kind: 'unsupported', label: 'Ogg with an unknown codec' };
  }
  if (ascii(b, 0, 3) === 'ID3' || isMp3FrameHeader(b)) return { kind: 'compressed', codec: 'mp3', label: 'MP3' };
  if (head4 === 'FORM' && ['AIFF', 'AIFC'].includes(ascii(b, 8, 4))) return { kind: 'unsupported', label: 'AIFF' };
  if (ascii(b, 4, 4) === 'ftyp') return { kind: 'unsupported', label: 'MP4/M4A' };
  if (b[0] === 0xff && (b[1] & 0xf6) === 0xf0) return { kind: 'unsupported', label: 'AAC' };
  if (b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3) return { kind: 'unsupported', label: 'WebM/Matroska' };
  return { kind: 'unknown' };
}

/** The 'fmt ' fields wavefile fills in (its typings only say `object`). */
interface WavFmt {
  audioFormat: number;
  numChannels: number;
  sampleRate: number;
  blockAlign: number;
  bitsPerSample: number;
  subformat: number[];
}

/** The 'data' chunk as wavefile holds it. */
interface WavData {
  chunkSize: number;
  samples: Uint8Array;
}

const WAVE_FORMAT = { pcm: 1, float: 3, alaw: 6, mulaw: 7, extensible: 0xfffe } as const;
const WAV_CODEC_NAMES: Record<number, string> = {
  2: 'Microsoft ADPCM',
  17: 'IMA ADPCM',
  49: 'GSM 6.10',
  80: 'MPEG',
  85: 'MP3',
};

/** Full scale of each bit-depth code wavefile uses, and the offset of unsigned 8-bit. */
const INT_SCALE: Record<string, { scale: number; offset: number }> = {
  '8': { scale: 128, offset: 128 },
  '16': { scale: 32768, offset: 0 },
  '24': { scale: 8388608, offset: 0 },
  '32': { scale: 2147483648, offset: 0 },
};

function damaged(name: string, what: string): VoiceCloneError {
  return new VoiceCloneError('TRUNCATED', `${name} is damaged or cut short: ${what}.`);
}

function checkRate(name: string, rate: number): void {
  if (!Number.isInteger(rate) || rate <= 0) throw damaged(name, `its header gives a sample rate of ${rate} Hz`);
  if (rate < SUPPORTED_RATES.min || rate > SUPPORTED_RATES.max) {
    throw new VoiceCloneError(
      'UNSUPPORTED_CODEC',
      `${name} is sampled at ${rate} Hz; only ${SUPPORTED_RATES.min}–${SUPPORTED_RATES.max} Hz is supported.`,
    );
  }
}

function checkDuration(name: string, frames: number, rate: number, maxSeconds: number | undefined): void {
  if (maxSeconds !== undefined && frames / rate > maxSeconds) {
    throw new VoiceCloneError(
      'TOO_LONG',
      `${name} is ${(frames / rate).toFixed(1)} s long; the limit is ${maxSeconds} s (${(maxSeconds / 60).toFixed(1)} min).`,
    );
  }
}

/** Reads the sample format from the 'fmt ' chunk and refuses what wavefile cannot decode exactly. */
function wavSampleFormat(name: string, fmt: WavFmt): { code: number; bytesPerSample: number; label: string } {
  const code = fmt.audioFormat === WAVE_FORMAT.extensible ? (fmt.subformat[0] ?? 0) : fmt.audioFormat;
  const bits = fmt.bitsPerSample;
  const ok =
    (code === WAVE_FORMAT.pcm && [8, 16, 24, 32].includes(bits)) ||
    (code === WAVE_FORMAT.float && (bits === 32 || bits === 64)) ||
    ((code === WAVE_FORMAT.alaw || code === WAVE_FORMAT.mulaw) && bits === 8);
  if (!ok) {
    const codec = WAV_CODEC_NAMES[code] ?? (code === WAVE_FORMAT.pcm || code === WAVE_FORMAT.float ? `${bits}-bit samples` : `format code ${code}`);
    throw new VoiceCloneError(
      'UNSUPPORTED_CODEC',
      `${name} is a WAV file with ${codec}, which is not supported; save it as 16-bit PCM WAV or FLAC.`,
    );
  }
  const label =
    code === WAVE_FORMAT.pcm ? `pcm${bits}` : code === WAVE_FORMAT.float ? `float${bits}` : code === WAVE_FORMAT.alaw ? 'alaw' : 'mulaw';
  return { code, bytesPerSample: bits / 8, label };
}

function decodeWav(bytes: Uint8Array, name: string, maxSeconds: number | undefined): DecodedAudio {
  const wav = new wavefile.WaveFile();
  wav.fromBuffer(bytes);
  const fmt = wav.fmt as WavFmt;
  const container = wav.container === 'RF64' ? 'rf64' : 'wav';
  const data = wav.data as WavData;
  const ds64 = wav.ds64 as { dataSizeHigh: number; dataSizeLow: number };
  const { code, bytesPerSample, label } = wavSampleFormat(name, fmt);
  const channels = fmt.numChannels;
  const sampleRate = fmt.sampleRate; // kept: wavefile rewrites the header when it expands A-law and µ-law
  if (channels < 1) throw damaged(name, 'its header says it has no channels');
  checkRate(name, sampleRate);
  if (fmt.blockAlign !== channels * bytesPerSample) {
    throw damaged(name, `its header says ${fmt.blockAlign} bytes per frame, not ${channels * bytesPerSample}`);
  }
  // wavefile names the ds64 words high-first, but reads them in file order: size = low word + high word × 2^32.
  const declared = wav.container === 'RF64' ? ds64.dataSizeHigh + ds64.dataSizeLow * 2 ** 32 : data.chunkSize;
  if (declared > data.samples.length) {
    throw damaged(name, `its header promises ${declared} bytes of audio but only ${data.samples.length} are there`);
  }
  const frames = Math.floor(Math.min(declared, data.samples.length) / fmt.blockAlign);
  if (frames === 0) throw new VoiceCloneError('EMPTY_FILE', `${name} contains no audio samples.`);
  checkDuration(name, frames, sampleRate, maxSeconds);
  if (fmt.audioFormat === WAVE_FORMAT.extensible) {
    // wavefile picks the sample type from bitsPerSample alone; re-parse with the SubFormat's code as the format tag.
    fmt.audioFormat = code;
    wav.fromBuffer(wav.toBuffer());
  }
  data.samples = data.samples.subarray(0, frames * fmt.blockAlign); // wavefile re-parses into the same objects
  if (code === WAVE_FORMAT.alaw) wav.fromALaw();
  if (code === WAVE_FORMAT.mulaw) wav.fromMuLaw();
  const raw = wav.getSamples(false, Float32Array) as unknown as Float32Array | Float32Array[];
  const planes = channels === 1 ? [raw as Float32Array] : (raw as Float32Array[]);
  const int = INT_SCALE[wav.bitDepth];
  if (int) {
    for (const p of planes) for (let i = 0; i < p.length; i++) p[i] = (p[i] - int.offset) / int.scale;
  }
  return { channels: planes, sampleRate, format: `${container}-${label}` };
}

/** FLAC STREAMINFO: sample rate and total samples per channel (0 when the encoder did not know them). */
function flacStreamInfo(b: Uint8Array): { sampleRate: number; frames: number } {
  if (b.length < 26 || (b[4] & 0x7f) !== 0) return { sampleRate: 0, frames: 0 };
  return {
    sampleRate: (b[18] << 12) | (b[19] << 4) | (b[20] >> 4),
    frames: (b[21] & 0x0f) * 2 ** 32 + ((b[22] << 24) >>> 0) + (b[23] << 16) + (b[24] << 8) + b[25],
  };
}

async function* chunksOf(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function decodeCompressed(
  bytes: Uint8Array,
  name: string,
  codec: CompressedCodec,
  label: string,
  maxSeconds: number | undefined,
): Promise<DecodedAudio> {
  const info = codec === 'flac' ? flacStreamInfo(bytes) : { sampleRate: 0, frames: 0 };
  if (info.sampleRate > 0) checkDuration(name, info.frames, info.sampleRate, maxSeconds);
  // @audio/decode-flac drops the last frame when fed in pieces, so FLAC goes in whole (STREAMINFO bounded it above).
  const chunkBytes = codec === 'flac' ? bytes.length : DECODE_CHUNK_BYTES;
  const pieces: Float32Array[][] = [];
  let frames = 0;
  let rate = 0;
  for await (const piece of decodeChunked(chunksOf(bytes, chunkBytes), codec)) {
    const planes = piece.channelData;
    if (planes.length === 0 || planes[0].length === 0) continue;
    if (rate === 0) checkRate(name, piece.sampleRate);
    else if (piece.sampleRate !== rate || planes.length !== pieces[0].length) {
      throw new VoiceCloneError(
        'UNSUPPORTED_CODEC',
        `${name} changes its sample rate or channel count part-way through, which is not supported.`,
      );
    }
    rate = piece.sampleRate;
    frames += planes[0].length;
    checkDuration(name, frames, rate, maxSeconds);
    pieces.push(planes.map((p) => p.slice()));
  }
  if (frames === 0) throw damaged(name, `no ${label} audio could be decoded from it`);
  if (frames < info.frames) throw damaged(name, `its header promises ${info.frames} samples but only ${frames} could be decoded`);
  const channels = pieces[0].map((_, c) => concatSamples(pieces.map((piece) => piece[c])));
  return { channels, sampleRate: rate, format: codec === 'oga' ? 'ogg-vorbis' : codec };
}

function firstInvalidSample(channels: Float32Array[]): number {
  for (const ch of channels) {
    for (let i = 0; i < ch.length; i++) if (!Number.isFinite(ch[i])) return i;
  }
  return -1;
}

/** One short line from whatever a decoder library threw. */
function reason(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  const line = text.split('\n')[0].trim();
  return line.length > 120 ? `${line.slice(0, 117)}...` : line || 'the decoder gave up';
}

/** Decodes an audio file held in memory; `name` only labels error messages. */
export async function decodeAudioBytes(bytes: Uint8Array, name = 'The audio', opts: DecodeOptions = {}): Promise<DecodedAudio> {
  if (bytes.length === 0) throw new VoiceCloneError('EMPTY_FILE', `${name} is empty (0 bytes).`);
  const found = sniff(bytes);
  if (found.kind === 'unknown') {
    throw new VoiceCloneError('NOT_AUDIO', `${name} is not an audio file this app can read (expected ${SUPPORTED_FORMATS}).`);
  }
  if (found.kind === 'unsupported') {
    throw new VoiceCloneError(
      'UNSUPPORTED_CODEC',
      `${name} is ${found.label}, which is not supported; convert it to ${SUPPORTED_FORMATS}.`,
    );
  }
  let audio: DecodedAudio;
  try {
    audio =
      found.kind === 'wav'
        ? decodeWav(bytes, name, opts.maxSeconds)
        : await decodeCompressed(bytes, name, found.codec, found.label, opts.maxSeconds);
  } catch (e) {
    if (e instanceof VoiceCloneError) throw e;
    throw new VoiceCloneError('TRUNCATED', `${name} is damaged or cut short (${reason(e)}).`, { cause: e });
  }
  const bad = firstInvalidSample(audio.channels);
  if (bad >= 0) {
    throw new VoiceCloneError(
      'INVALID_SAMPLES',
      `${name} contains invalid samples (NaN or infinity) at ${(bad / audio.sampleRate).toFixed(2)} s.`,
    );
  }
  return audio;
}

/** Reads and decodes an audio file from disk. */
export async function decodeAudioFile(path: string, opts: DecodeOptions = {}): Promise<DecodedAudio> {
  const name = basename(path);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new VoiceCloneError('FILE_NOT_FOUND', `${path} does not exist.`);
    if (code === 'EISDIR') throw new VoiceCloneError('BAD_ARGUMENT', `${path} is a folder, not an audio file.`);
    if (code === 'ERR_FS_FILE_TOO_LARGE') throw new VoiceCloneError('TOO_LONG', `${path} is too large to load (over 2 GiB).`);
    throw new VoiceCloneError('FILE_NOT_FOUND', `${path} cannot be read (${reason(e)}).`, { cause: e });
  }
  return decodeAudioBytes(bytes, name, opts);
}
