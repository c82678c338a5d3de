// On-disk layout of a built synthetic corpus and reading it back: corpus.json (settings and speakers),
// manifest.jsonl (one finished utterance a line), per utterance Int16-quantized log-mel (.mel) and optional FLAC.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { VoiceCloneError } from '../../errors';
import type { LogMel } from '../../audio/mel';
import { makeCorpus, type Corpus, type Utterance } from '../corpora/types';
import type { EngineSegment } from './engines';
import type { SyntheticSpeaker } from './speakers';

export const CORPUS_FILE = 'corpus.json';
export const MANIFEST_FILE = 'manifest.jsonl';

/** Log-mel values are stored as Int16 multiples of this step (range ±32, far wider than log-mel's ≈ −11.5 … +8). */
export const MEL_QUANT_STEP = 1 / 1024;

export interface SynthCorpusConfig {
  seed: number;
  utterancesPerSpeaker: number;
  sampleRate: number;
  nMels: number;
  melQuantStep: number;
  keepAudio: boolean;
  speakers: SyntheticSpeaker[];
}

export interface SynthItem {
  /** `spk0003_u007`. */
  id: string;
  speaker: string;
  baseVoice: string;
  speakerHeldOut: boolean;
  sentenceHeldOut: boolean;
  /** Exact text the engine spoke. */
  text: string;
  normalized: string;
  phonemes: string[];
  phonemeIds: number[];
  /** Engine phone segments in seconds after rate augmentation (flite, festival); null for espeak-ng. */
  segments: EngineSegment[] | null;
  seconds: number;
  /** Log-mel file, relative to the corpus folder. */
  melFile: string;
  frames: number;
  nMels: number;
  /** 16 kHz 16-bit FLAC, relative to the corpus folder; null when built without audio. */
  audioFile: string | null;
}

export interface SynthManifest {
  dir: string;
  config: SynthCorpusConfig;
  items: SynthItem[];
}

/** Quantizes a log-mel to the little-endian Int16 bytes of a .mel file. */
export function encodeMel(mel: LogMel): Buffer {
  const q = new Int16Array(mel.data.length);
  for (let i = 0; i < q.length; i++) {
    q[i] = Math.max(-32768, Math.min(32767, Math.round(mel.data[i] / MEL_QUANT_STEP)));
  }
  return Buffer.from(q.buffer, q.byteOffset, q.byteLength);
}

export function decodeMel(bytes: Buffer, frames: number, nMels: number, step = MEL_QUANT_STEP): LogMel {
  if (bytes.byteLength !== frames * nMels * 2) {
    throw new VoiceCloneError('TRUNCATED', `Log-mel file has ${bytes.byteLength} bytes, expected ${frames * nMels * 2}.`);
  }
  const data = new Float32Array(frames * nMels);
  for (let i = 0; i < data.length; i++) data[i] = bytes.readInt16LE(i * 2) * step;
  return { frames, nMels, data };
}

export function readSynthConfig(dir: string): SynthCorpusConfig {
  const file = path.join(dir, CORPUS_FILE);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as SynthCorpusConfig;
  } catch (e) {
    throw new VoiceCloneError('DATA_MISSING', `No synthetic corpus at ${dir} (cannot read ${CORPUS_FILE}).`, { cause: e });
  }
}

/** Finished items of the manifest; a last line cut short by a crash is ignored. */
export function readManifestItems(dir: string): SynthItem[] {
  let content: string;
  try {
    content = readFileSync(path.join(dir, MANIFEST_FILE), 'utf8');
  } catch {
    return [];
  }
  const items: SynthItem[] = [];
  for (const line of content.split('\n')) {
    if (line.trim().length === 0) continue;
    try {
      items.push(JSON.parse(line) as SynthItem);
    } catch {
      continue;
    }
  }
  return items;
}

/** Reads a built corpus: its settings, speakers and finished utterances. */
export function readSynthManifest(dir: string): SynthManifest {
  const abs = path.resolve(dir);
  return { dir: abs, config: readSynthConfig(abs), items: readManifestItems(abs) };
}

/** The log-mel of one item, de-quantized. */
export function loadFeatures(manifest: SynthManifest, item: SynthItem): LogMel {
  const file = path.join(manifest.dir, item.melFile);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new VoiceCloneError('FILE_NOT_FOUND', `Missing log-mel file ${file}.`, { cause: e });
  }
  return decodeMel(bytes, item.frames, item.nMels, manifest.config.melQuantStep);
}

/** The items' audio as a Corpus (held-out speakers or sentences → split 'test'); needs a corpus built with audio. */
export function synthAudioCorpus(manifest: SynthManifest): Corpus {
  const utterances: Utterance[] = manifest.items.map((item) => {
    if (item.audioFile === null) {
      throw new VoiceCloneError('DATA_MISSING', `The synthetic corpus at ${manifest.dir} was built without audio.`);
    }
    return {
      id: item.id,
      speaker: item.speaker,
      path: path.join(manifest.dir, item.audioFile),
      text: item.text,
      corpus: 'synth',
      split: item.speakerHeldOut || item.sentenceHeldOut ? 'test' : 'train',
    };
  });
  return makeCorpus('synth', utterances);
}
