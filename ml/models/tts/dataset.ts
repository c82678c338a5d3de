// The TTS training set: transcribed speech of many speakers (synthetic corpus, VCC2016 with consensus transcripts,
// Debian's Asterisk voice) as folded phoneme tokens + trimmed, loudness-normalized log-mel, cached on disk in one file.

import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { loadClip } from '../../audio/load';
import { logMel } from '../../audio/mel';
import { MEL } from '../../audio/config';
import { VoiceCloneError } from '../../errors';
import { writeFileAtomic } from '../../files';
import { textToPhonemes } from '../../text/g2p';
import { PHONEME_INVENTORY_VERSION } from '../../text/phonemes';
import { decodeMel, encodeMel } from '../../data/synth/cache';
import { toTtsTokens } from './tokens';

export interface TtsSpeaker {
  /** `corpus:speaker`, unique. */
  key: string;
  corpus: string;
  /** Human-readable description (base voice for synthetic speakers). */
  description: string;
}

export interface TtsUtterance {
  id: string;
  /** Index into TtsDataset.speakers. */
  speaker: number;
  text: string;
  ids: Int32Array;
  modifiers: Int32Array;
  frames: number;
  /** Log-mel, frames × nMels, row-major. */
  mel: Float32Array;
  /** Frames per token (sums to `frames`); null until aligned. */
  durations: Int32Array | null;
}

export interface TtsDataset {
  inventory: string;
  speakers: TtsSpeaker[];
  utterances: TtsUtterance[];
}

/** One transcribed clip to include; `phonemeIds` skips G2P when the source already has them. */
export interface TtsSource {
  id: string;
  speakerKey: string;
  corpus: string;
  description: string;
  path: string;
  text: string;
  phonemeIds?: ArrayLike<number>;
}

/** Clips longer than this are skipped: they would dominate a batch's padding. */
export const MAX_TRAIN_FRAMES = 640;

/** Loads, trims, normalizes and phonemizes every source; unusable clips are skipped and reported through `log`. */
export async function buildTtsDataset(sources: readonly TtsSource[], log: (line: string) => void): Promise<TtsDataset> {
  const speakers: TtsSpeaker[] = [];
  const index = new Map<string, number>();
  const utterances: TtsUtterance[] = [];
  let skipped = 0;
  for (const [k, s] of sources.entries()) {
    if (k % 500 === 0) log(`prepared ${k}/${sources.length} clips`);
    let mel;
    let ids: ArrayLike<number>;
    try {
      mel = logMel((await loadClip(s.path)).audio);
      ids = s.phonemeIds ?? (await textToPhonemes(s.text)).ids;
    } catch (e) {
      if (!(e instanceof VoiceCloneError)) throw e;
      skipped++;
      continue;
    }
    const tokens = toTtsTokens(ids);
    if (mel.frames > MAX_TRAIN_FRAMES || mel.frames < tokens.ids.length) {
      skipped++;
      continue;
    }
    let spk = index.get(s.speakerKey);
    if (spk === undefined) {
      spk = speakers.length;
      index.set(s.speakerKey, spk);
      speakers.push({ key: s.speakerKey, corpus: s.corpus, description: s.description });
    }
    utterances.push({ id: s.id, speaker: spk, text: s.text, ...tokens, frames: mel.frames, mel: mel.data, durations: null });
  }
  log(`prepared ${utterances.length} clips of ${speakers.length} speakers; skipped ${skipped}`);
  return { inventory: PHONEME_INVENTORY_VERSION, speakers, utterances };
}

const INDEX_FILE = 'dataset.json';
const MEL_FILE = 'mel.i16';

interface IndexRow {
  id: string;
  speaker: number;
  text: string;
  ids: number[];
  modifiers: number[];
  frames: number;
  durations: number[] | null;
}

/** Writes the dataset as dataset.json (everything but the mel) and mel.i16 (all log-mel, quantized, in order). */
export async function saveTtsDataset(dir: string, data: TtsDataset): Promise<void> {
  await mkdir(dir, { recursive: true });
  const mel = Buffer.concat(data.utterances.map((u) => encodeMel({ frames: u.frames, nMels: MEL.nMels, data: u.mel })));
  const rows: IndexRow[] = data.utterances.map((u) => ({
    id: u.id,
    speaker: u.speaker,
    text: u.text,
    ids: Array.from(u.ids),
    modifiers: Array.from(u.modifiers),
    frames: u.frames,
    durations: u.durations ? Array.from(u.durations) : null,
  }));
  await writeFileAtomic(path.join(dir, MEL_FILE), mel);
  await writeFileAtomic(path.join(dir, INDEX_FILE), JSON.stringify({ inventory: data.inventory, speakers: data.speakers, utterances: rows }));
}

export function hasTtsDataset(dir: string): boolean {
  return existsSync(path.join(dir, INDEX_FILE)) && existsSync(path.join(dir, MEL_FILE));
}

export function loadTtsDataset(dir: string): TtsDataset {
  if (!hasTtsDataset(dir)) throw new VoiceCloneError('DATA_MISSING', `No prepared TTS dataset in ${dir}.`);
  const index = JSON.parse(readFileSync(path.join(dir, INDEX_FILE), 'utf8')) as { inventory: string; speakers: TtsSpeaker[]; utterances: IndexRow[] };
  if (index.inventory !== PHONEME_INVENTORY_VERSION) {
    throw new VoiceCloneError('BAD_ARGUMENT', `TTS dataset in ${dir} uses phoneme inventory ${index.inventory}; rebuild it for ${PHONEME_INVENTORY_VERSION}.`);
  }
  const bytes = readFileSync(path.join(dir, MEL_FILE));
  let offset = 0;
  const utterances = index.utterances.map((r): TtsUtterance => {
    const size = r.frames * MEL.nMels * 2;
    const mel = decodeMel(bytes.subarray(offset, offset + size), r.frames, MEL.nMels);
    offset += size;
    return {
      id: r.id,
      speaker: r.speaker,
      text: r.text,
      ids: Int32Array.from(r.ids),
      modifiers: Int32Array.from(r.modifiers),
      frames: r.frames,
      mel: mel.data,
      durations: r.durations ? Int32Array.from(r.durations) : null,
    };
  });
  if (offset !== bytes.byteLength) throw new VoiceCloneError('TRUNCATED', `${path.join(dir, MEL_FILE)} does not match ${INDEX_FILE}.`);
  return { inventory: index.inventory, speakers: index.speakers, utterances };
}
