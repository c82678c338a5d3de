// Builds the synthetic multi-speaker corpus: plans (speaker, sentence) items from the seed, speaks each with its
// engine voice, augments it, and caches 16 kHz log-mel (and FLAC) with text, phonemes and engine timings; resumable.

import { promises as fs, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { VoiceCloneError } from '../../errors';
import { SAMPLE_RATE, MEL } from '../../audio/config';
import { decodeAudioFile } from '../../audio/decode';
import { logMel } from '../../audio/mel';
import { resample } from '../../audio/resample';
import type { MonoAudio } from '../../audio/types';
import { writeWav16 } from '../../audio/wav';
import { textToPhonemes } from '../../text/g2p';
import { augmentWav, scaleSegments } from './augment';
import {
  CORPUS_FILE,
  MANIFEST_FILE,
  MEL_QUANT_STEP,
  encodeMel,
  readManifestItems,
  type SynthCorpusConfig,
  type SynthItem,
} from './cache';
import { synthesize, type EngineSegment } from './engines';
import { indexHash } from './hash';
import { isHeldOutSentence, loadSentences } from './sentences';
import { makeSpeakers, type SyntheticSpeaker } from './speakers';
import { requireTools, runTool } from './tools';
import { writeFileAtomic } from '../../files';

export interface PlannedItem {
  id: string;
  speaker: SyntheticSpeaker;
  text: string;
  sentenceHeldOut: boolean;
}

/** Each speaker's `perSpeaker` distinct sentences, drawn by hashing (seed, speaker, draw). */
export function planItems(
  speakers: readonly SyntheticSpeaker[],
  sentences: readonly string[],
  perSpeaker: number,
  seed: number,
): PlannedItem[] {
  if (!Number.isInteger(perSpeaker) || perSpeaker < 1 || perSpeaker > sentences.length) {
    throw new VoiceCloneError(
      'BAD_ARGUMENT',
      `Utterances per speaker must be an integer in [1, ${sentences.length}], not ${perSpeaker}.`,
    );
  }
  return speakers.flatMap((speaker) => {
    const chosen = new Set<number>();
    for (let draw = 0; chosen.size < perSpeaker; draw++) {
      chosen.add(indexHash(sentences.length, 'sentence', seed, speaker.index, draw));
    }
    return [...chosen].map((s, u) => ({
      id: `${speaker.id}_u${String(u).padStart(3, '0')}`,
      speaker,
      text: sentences[s],
      sentenceHeldOut: isHeldOutSentence(sentences[s]),
    }));
  });
}

export interface SpokenUtterance {
  /** 16 kHz mono. */
  audio: MonoAudio;
  segments: EngineSegment[] | null;
}

/** Speaks `text` as `speaker` (engine voice, then augmentation), using `workDir` for temporary files. */
export async function speak(speaker: SyntheticSpeaker, text: string, workDir: string, stem: string): Promise<SpokenUtterance> {
  const raw = path.join(workDir, `${stem}.raw.wav`);
  const augmented = path.join(workDir, `${stem}.wav`);
  try {
    const segments = await synthesize(speaker.base, text, raw);
    await augmentWav(raw, augmented, speaker.augmentation);
    const decoded = await decodeAudioFile(augmented);
    const samples = resample(decoded.channels[0], decoded.sampleRate, SAMPLE_RATE);
    return {
      audio: { samples, sampleRate: SAMPLE_RATE },
      segments: segments === null ? null : scaleSegments(segments, speaker.augmentation),
    };
  } finally {
    await fs.rm(raw, { force: true });
    await fs.rm(augmented, { force: true });
  }
}

async function writeFlac(audio: MonoAudio, file: string, workDir: string, stem: string): Promise<void> {
  const wav = path.join(workDir, `${stem}.out.wav`);
  const tmp = `${file}.tmp`;
  try {
    await writeWav16(wav, audio);
    await runTool('sox', ['-R', wav, '-t', 'flac', tmp]);
    await fs.rename(tmp, file);
  } finally {
    await fs.rm(wav, { force: true });
  }
}

/** Speaks, analyses and stores one planned item under `outDir`; returns its manifest record. */
export async function buildItem(plan: PlannedItem, outDir: string, workDir: string, keepAudio: boolean): Promise<SynthItem> {
  const { audio, segments } = await speak(plan.speaker, plan.text, workDir, plan.id);
  const g2p = await textToPhonemes(plan.text);
  const mel = logMel(audio);
  const speakerDir = path.join(outDir, plan.speaker.id);
  await fs.mkdir(speakerDir, { recursive: true });
  const melFile = path.join(plan.speaker.id, `${plan.id}.mel`);
  await writeFileAtomic(path.join(outDir, melFile), encodeMel(mel));
  const audioFile = keepAudio ? path.join(plan.speaker.id, `${plan.id}.flac`) : null;
  if (audioFile !== null) await writeFlac(audio, path.join(outDir, audioFile), workDir, plan.id);
  return {
    id: plan.id,
    speaker: plan.speaker.id,
    baseVoice: plan.speaker.base.id,
    speakerHeldOut: plan.speaker.heldOut,
    sentenceHeldOut: plan.sentenceHeldOut,
    text: plan.text,
    normalized: g2p.normalized,
    phonemes: g2p.phonemes,
    phonemeIds: Array.from(g2p.ids),
    segments,
    seconds: audio.samples.length / audio.sampleRate,
    melFile,
    frames: mel.frames,
    nMels: mel.nMels,
    audioFile,
  };
}

export interface BuildOptions {
  outDir: string;
  speakers: number;
  utterancesPerSpeaker: number;
  seed: number;
  /** Items in flight at once; each runs its engine, sox and rubberband as child processes. */
  jobs: number;
  keepAudio: boolean;
  onItem?: (item: SynthItem, done: number, total: number) => void;
}

export interface BuildResult {
  total: number;
  built: number;
  skipped: number;
}

async function writeConfig(outDir: string, config: SynthCorpusConfig): Promise<void> {
  const file = path.join(outDir, CORPUS_FILE);
  const existing = await fs.readFile(file, 'utf8').then(
    (s) => JSON.parse(s) as SynthCorpusConfig,
    () => null,
  );
  if (
    existing !== null &&
    (existing.seed !== config.seed ||
      existing.utterancesPerSpeaker !== config.utterancesPerSpeaker ||
      existing.keepAudio !== config.keepAudio)
  ) {
    throw new VoiceCloneError(
      'BAD_ARGUMENT',
      `${outDir} holds a corpus built with seed ${existing.seed}, ${existing.utterancesPerSpeaker} utterances per speaker, ` +
        `audio ${existing.keepAudio ? 'kept' : 'not kept'}; use the same settings to resume or another --out.`,
    );
  }
  const speakers = existing !== null && existing.speakers.length > config.speakers.length ? existing.speakers : config.speakers;
  await writeFileAtomic(file, `${JSON.stringify({ ...config, speakers }, null, 1)}\n`);
}

/** Builds (or resumes) a synthetic corpus in `opts.outDir`; items already in the manifest are skipped. */
export async function buildSynthCorpus(opts: BuildOptions): Promise<BuildResult> {
  if (!Number.isInteger(opts.jobs) || opts.jobs < 1 || opts.jobs > 16) {
    throw new VoiceCloneError('BAD_ARGUMENT', `Jobs must be an integer in [1, 16], not ${opts.jobs}.`);
  }
  await requireTools();
  const speakers = makeSpeakers(opts.speakers, opts.seed);
  const plan = planItems(speakers, loadSentences(), opts.utterancesPerSpeaker, opts.seed);
  const outDir = path.resolve(opts.outDir);
  await fs.mkdir(outDir, { recursive: true });
  await writeConfig(outDir, {
    seed: opts.seed,
    utterancesPerSpeaker: opts.utterancesPerSpeaker,
    sampleRate: SAMPLE_RATE,
    nMels: MEL.nMels,
    melQuantStep: MEL_QUANT_STEP,
    keepAudio: opts.keepAudio,
    speakers,
  });

  const finished = new Set(readManifestItems(outDir).map((item) => item.id));
  const todo = plan.filter((p) => !finished.has(p.id));
  const manifest = path.join(outDir, MANIFEST_FILE);
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'synth-corpus-'));
  let done = plan.length - todo.length;
  let next = 0;
  let appending = Promise.resolve();
  const worker = async (): Promise<void> => {
    while (next < todo.length) {
      const item = await buildItem(todo[next++], outDir, workDir, opts.keepAudio);
      appending = appending.then(() => fs.appendFile(manifest, `${JSON.stringify(item)}\n`));
      await appending;
      opts.onItem?.(item, ++done, plan.length);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(opts.jobs, Math.max(1, todo.length)) }, worker));
  } finally {
    await fs.rm(workDir, { recursive: true, force: true });
  }
  return { total: plan.length, built: todo.length, skipped: plan.length - todo.length };
}
