// Test fixtures for the audio readers: real VCC2016 speech from the shared data (with a clear failure when absent),
// sox conversions into a temp dir, synthetic tones and noise (seeded through ml/random).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { concatSamples } from '../../../ml/audio/concat';
import { decodeAudioFile } from '../../../ml/audio/decode';
import type { MonoAudio } from '../../../ml/audio/types';
import { gaussian, seededRandom } from '../../../ml/random';

/** A real 16 kHz VCC2016 reading (SF1, female, 3.5 s). */
export const VCC_FILE = 'vcc2016/train/SF1/100001.flac';

/** A fresh temp dir. */
export function tempDir(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `audio-${name}-`));
}

/** Runs sox with the given arguments. */
export function sox(...args: string[]): void {
  execFileSync('sox', args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

/** Decodes a real file to mono (first channel). */
export async function readMono(file: string): Promise<MonoAudio> {
  const d = await decodeAudioFile(file);
  return { samples: d.channels[0], sampleRate: d.sampleRate };
}

/** A sine of `amplitude` at `freq` Hz. */
export function tone(freq: number, sampleRate: number, seconds: number, amplitude = 0.5): Float32Array {
  const x = new Float32Array(Math.round(sampleRate * seconds));
  for (let i = 0; i < x.length; i++) x[i] = amplitude * Math.sin((2 * Math.PI * freq * i) / sampleRate);
  return x;
}

/** Gaussian white noise with the given RMS, seeded. */
export function whiteNoise(n: number, rms: number, seed: number): Float32Array {
  const rand = seededRandom(seed);
  const x = new Float32Array(n);
  for (let i = 0; i < n; i++) x[i] = rms * gaussian(rand);
  return x;
}

/** RMS of samples [from, to), in dB. */
export function rmsDb(x: Float32Array, from = 0, to = x.length): number {
  let s = 0;
  for (let i = from; i < to; i++) s += x[i] * x[i];
  return 10 * Math.log10(s / (to - from));
}

/** Concatenates sample arrays. */
export function concat(...parts: Float32Array[]): Float32Array {
  return concatSamples(parts);
}
