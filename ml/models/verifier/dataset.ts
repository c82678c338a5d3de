// Verifier training data: per speaker, one stream of log-mel frames per channel version (clean, then augmented copies),
// built from real corpora (held-out speakers removed) and the synthetic corpus, and cached under cache/verifier/features.

import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { SAMPLE_RATE, MEL } from '../../audio/config';
import { concatSamples } from '../../audio/concat';
import { logMel } from '../../audio/mel';
import type { Utterance } from '../../data/corpora/types';
import { loadFeatures, type SynthManifest } from '../../data/synth/cache';
import { resample } from '../../audio/resample';
import type { MonoAudio } from '../../audio/types';
import { isVoiceCloneError, VoiceCloneError } from '../../errors';
import { seededRandom } from '../../random';
import { randomChannel } from './augment';
import { readSpeech } from './input';
import { writeFileAtomic } from '../../files';

/** All frames of one speaker, per version: versions[v] is row-major [frames[v] × nMels]. */
export interface SpeakerStream {
  /** `corpus:speaker`. */
  key: string;
  versions: Float32Array[];
  frames: number[];
}

interface CacheIndex {
  utterances: number;
  augmentedVersions: number;
  seed: number;
  /** Speed perturbation; absent (1) in caches written before it existed. */
  speed?: number;
  speakers: Array<{ key: string; frames: number[] }>;
}

async function readCache(base: string, utterances: number, augmentedVersions: number, seed: number, speed: number): Promise<SpeakerStream[] | null> {
  if (!existsSync(`${base}.json`) || !existsSync(`${base}.bin`)) return null;
  const index = JSON.parse(await readFile(`${base}.json`, 'utf8')) as CacheIndex;
  if (index.utterances !== utterances || index.augmentedVersions !== augmentedVersions || index.seed !== seed || (index.speed ?? 1) !== speed) return null;
  const bytes = await readFile(`${base}.bin`);
  const all = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  let offset = 0;
  return index.speakers.map(({ key, frames }) => {
    const versions = frames.map((f) => {
      const v = all.slice(offset, offset + f * MEL.nMels);
      offset += f * MEL.nMels;
      return v;
    });
    return { key, versions, frames };
  });
}

async function writeCache(base: string, streams: SpeakerStream[], index: Omit<CacheIndex, 'speakers'>): Promise<void> {
  await mkdir(path.dirname(base), { recursive: true });
  const data = concatSamples(streams.flatMap((s) => s.versions));
  await writeFileAtomic(`${base}.bin`, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  const full: CacheIndex = { ...index, speakers: streams.map(({ key, frames }) => ({ key, frames })) };
  await writeFileAtomic(`${base}.json`, JSON.stringify(full));
}

/**
 * Streams for the utterances of one real corpus: version 0 clean, versions 1..augmentedVersions each a fresh random
 * channel (noise, gain, telephone band) per utterance. Cached as `<cacheDir>/<name>.{json,bin}`. With `speed` ≠ 1 every
 * utterance is played that much faster (pitch and formants move with it) and its speakers count as new speakers
 * (`corpus:speaker@speed`), the speed perturbation of x-vector training.
 */
export async function realSpeakerStreams(
  name: string,
  utterances: readonly Utterance[],
  opts: { cacheDir: string; augmentedVersions: number; seed: number; speed?: number; log?: (line: string) => void },
): Promise<SpeakerStream[]> {
  const base = path.join(opts.cacheDir, name);
  const speed = opts.speed ?? 1;
  const cached = await readCache(base, utterances.length, opts.augmentedVersions, opts.seed, speed);
  if (cached) return cached;
  const rand = seededRandom(opts.seed);
  const bySpeaker = new Map<string, Float32Array[][]>();
  const t0 = Date.now();
  for (const [i, u] of utterances.entries()) {
    const key = speed === 1 ? `${u.corpus}:${u.speaker}` : `${u.corpus}:${u.speaker}@${speed}`;
    const parts = bySpeaker.get(key) ?? Array.from({ length: opts.augmentedVersions + 1 }, () => []);
    bySpeaker.set(key, parts);
    let audio: MonoAudio;
    try {
      audio = await readSpeech(u.path);
      if (speed !== 1) audio = { samples: resample(audio.samples, SAMPLE_RATE, Math.round(SAMPLE_RATE / speed)), sampleRate: SAMPLE_RATE };
    } catch (e) {
      // Clips with under half a second of speech (some FSDD digits) or none say little about a voice: skip them.
      if (isVoiceCloneError(e) && (e.code === 'TOO_SHORT' || e.code === 'SILENCE_ONLY')) continue;
      throw e;
    }
    parts[0].push(logMel(audio).data);
    for (let v = 1; v <= opts.augmentedVersions; v++) {
      parts[v].push(logMel({ samples: randomChannel(audio.samples, rand), sampleRate: SAMPLE_RATE }).data);
    }
    if (opts.log && (i + 1) % 200 === 0) opts.log(`${name}: ${i + 1}/${utterances.length} utterances, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  }
  const streams = [...bySpeaker].map(([key, parts]) => {
    const versions = parts.map((p) => concatSamples(p));
    return { key, versions, frames: versions.map((v) => v.length / MEL.nMels) };
  });
  await writeCache(base, streams, { utterances: utterances.length, augmentedVersions: opts.augmentedVersions, seed: opts.seed, speed });
  return streams;
}

/** Clean streams of the synthetic corpus's training speakers (its held-out speakers are left out), from its log-mels. */
export function synthSpeakerStreams(manifest: SynthManifest): SpeakerStream[] {
  if (manifest.config.nMels !== MEL.nMels) {
    throw new VoiceCloneError('BAD_ARGUMENT', `Synthetic corpus has ${manifest.config.nMels} mel bands; the verifier needs ${MEL.nMels}.`);
  }
  const bySpeaker = new Map<string, Float32Array[]>();
  for (const item of manifest.items) {
    if (item.speakerHeldOut) continue;
    const parts = bySpeaker.get(item.speaker) ?? [];
    bySpeaker.set(item.speaker, parts);
    parts.push(loadFeatures(manifest, item).data);
  }
  return [...bySpeaker].map(([speaker, parts]) => {
    const data = concatSamples(parts);
    return { key: `synth:${speaker}`, versions: [data], frames: [data.length / MEL.nMels] };
  });
}

/** Per-band mean and standard deviation of every clean frame: the verifier's fixed input normalization. */
export function melStatistics(streams: readonly SpeakerStream[]): { mean: Float32Array; std: Float32Array } {
  const n = MEL.nMels;
  const sum = new Float64Array(n);
  const sq = new Float64Array(n);
  let count = 0;
  for (const s of streams) {
    const v = s.versions[0];
    for (let i = 0; i < v.length; i++) {
      sum[i % n] += v[i];
      sq[i % n] += v[i] * v[i];
    }
    count += s.frames[0];
  }
  if (count === 0) throw new VoiceCloneError('DATA_MISSING', 'No training frames to compute mel statistics from.');
  const mean = Float32Array.from(sum, (s) => s / count);
  const std = Float32Array.from(sq, (s, i) => Math.sqrt(Math.max(s / count - mean[i] ** 2, 1e-6)));
  return { mean, std };
}
