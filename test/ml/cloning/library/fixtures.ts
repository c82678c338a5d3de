// Test fixtures for the voice library: real VCC2016 clips from the shared data, seeded voice drafts, bit-exact
// float comparison, and a temp folder per library.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MonoAudio } from '../../../../ml/audio/types';
import type { NamedTensor, VoiceDraft } from '../../../../ml/cloning/library/types';
import { gaussian, seededRandom } from '../../../../ml/random';
import { sharedData } from '../../../support/shared-data';
import { readMono } from '../../audio/fixtures';

/** Two real 16 kHz readings by VCC2016 speaker SF1. */
export const CLIP_FILES = ['vcc2016/train/SF1/100001.flac', 'vcc2016/train/SF1/100002.flac'];
/** A real reading used as the consent recording (speaker SF1 again). */
export const CONSENT_FILE = 'vcc2016/eval/SF1/200001.flac';

const madeDirs: string[] = [];

/** A fresh temp folder for a library; removeLibraryDirs() deletes all of them. */
export function libraryDir(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `voice-library-${name}-`));
  madeDirs.push(dir);
  return dir;
}

export function removeLibraryDirs(): void {
  for (const dir of madeDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

export async function realClip(relative: string): Promise<MonoAudio> {
  return readMono(sharedData(relative));
}

export function randomFloats(n: number, seed: number): Float32Array {
  const rand = seededRandom(seed);
  return Float32Array.from({ length: n }, () => gaussian(rand));
}

/** A tensor of seeded random values with the given shape. */
export function tensor(shape: number[], seed: number): NamedTensor {
  return { shape, data: randomFloats(shape.reduce((n, d) => n * d, 1), seed) };
}

/** A complete whole-model-adaptation draft with real clips, an adapter, figures and consent. */
export async function fullDraft(name = 'Grand-mère Olga'): Promise<VoiceDraft> {
  const [a, b] = await Promise.all(CLIP_FILES.map(realClip));
  return {
    name,
    method: 'adapt-whole',
    embedding: randomFloats(256, 1),
    adapter: { 'decoder/lstm/kernel': tensor([64, 32], 2), 'decoder/bias': tensor([32], 3), 'gain': tensor([], 4) },
    clips: [
      { audio: a, text: 'Ask her to bring these things with her from the store.' },
      { audio: b, text: '' },
    ],
    ttsModel: 'tts-v1.2.0',
    figures: { cloneSeconds: 412.5, similarity: 0.8125, steps: 2000 },
    consent: { text: 'I agree to have my voice cloned.', audio: await realClip(CONSENT_FILE), verified: true, score: 0.91 },
  };
}

/** An encode-method draft: embedding and one clip, no adapter or consent. */
export async function smallDraft(name: string, seed: number): Promise<VoiceDraft> {
  return {
    name,
    method: 'encode',
    embedding: randomFloats(256, seed),
    adapter: null,
    clips: [{ audio: await realClip(CLIP_FILES[0]), text: 'hello' }],
    ttsModel: 'tts-v1.2.0',
    figures: { cloneSeconds: 1.5 },
  };
}

/** The raw 32-bit patterns of floats, for bit-exact comparison (NaN payloads and -0 included). */
export function bits(x: Float32Array): Uint32Array {
  return new Uint32Array(x.buffer.slice(x.byteOffset, x.byteOffset + x.byteLength));
}

/** Samples as a 16-bit WAV stores them: clipped and rounded to multiples of 1/32768. */
export function quantized(x: Float32Array): Float32Array {
  return x.map((v) => Math.max(-32768, Math.min(32767, Math.round(v * 32768))) / 32768);
}

/** Adapter size of the crash test's voice: 4 Mi floats (16 MiB), so each save spends real time writing. */
export const CRASH_ADAPTER_FLOATS = 4 * 2 ** 20;

/** Version `k` of the crash test's large voice: every number in it is k, so a mix of versions shows. */
export function versionDraft(k: number, clip: MonoAudio): VoiceDraft {
  return {
    name: `version ${k}`,
    method: 'adapt-whole',
    embedding: new Float32Array(256).fill(k),
    adapter: { delta: { shape: [CRASH_ADAPTER_FLOATS], data: new Float32Array(CRASH_ADAPTER_FLOATS).fill(k) } },
    clips: [{ audio: clip, text: `version ${k}` }],
    ttsModel: 'tts-crash-test',
    figures: { version: k },
  };
}
