// The bench's real speakers and their recordings: which clips a clone is made from (with their text), which held-back
// recordings the verifier enrolls (never cloned from), and the parallel real reading of a sentence where one exists.

import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { concatSamples } from '../../audio/concat';
import { decodeAudioFile } from '../../audio/decode';
import { loadClip, prepareClip } from '../../audio/load';
import { toMono } from '../../audio/resample';
import { cutIntoSegments } from '../../audio/segments';
import type { MonoAudio } from '../../audio/types';
import { writeWav16 } from '../../audio/wav';
import type { CloneClip } from '../../cloning/clone';
import type { Corpus, Gender, Utterance } from '../../data/corpora/types';
import { vcc2016SentenceId } from '../../data/corpora/vcc2016';
import { VoiceCloneError } from '../../errors';
import { HELD_OUT_VCC2016, heldOutKeys, heldOutLibriSpeakers } from '../../models/verifier/heldout';
import { recognizeCached } from '../tts-intelligibility';
import { cloningSentences } from './sentences';

export type BenchCorpus = 'vcc2016' | 'librispeech-subset' | 'fsdd';

/** A cloning clip and where it came from. */
export interface BenchClip extends CloneClip {
  id: string;
}

export interface BenchSpeaker {
  key: string;
  corpus: BenchCorpus;
  gender: Gender | null;
  /** Where the cloning clips' text comes from. */
  textSource: 'VCC2016 consensus transcript' | 'pocketsphinx transcript of the segment' | 'the spoken digits';
  /** Which of the project's models were trained on this speaker (empty for held-out speakers). */
  seenInTraining: string[];
  /** Real recordings held back for verification; never among the cloning clips. */
  enrollment: Array<{ id: string; audio: MonoAudio }>;
  /** How many cloning clips this speaker has at most. */
  maxClips: number;
  /** The first `n` cloning clips (n ≤ maxClips), the same clips every time; larger sets extend smaller ones. */
  cloneClips(n: number): Promise<BenchClip[]>;
  /** The real recording of a VCC2016 sentence number by this speaker, or null. */
  parallel(sentenceId: string): string | null;
}

/** Where pocketsphinx transcripts are cached and segment WAVs written for it. */
export interface SpeakerContext {
  corpus: Corpus;
  asrCacheDir: string;
  scratchDir: string;
  /** VCC2016 sentence numbers that must not be enrollment recordings (the synthesis sentences). */
  synthesisIds: ReadonlySet<string>;
}

/** Held-back VCC2016 eval readings enrolled per VCC speaker. */
const VCC_ENROLLMENT = 5;
/** LibriSpeech clips are cut into segments of about this many seconds. */
export const LIBRI_SEGMENT_SECONDS = 3;
/** FSDD clips are whole takes (the ten digits of one session back to back): single digits are too short to use. */
const FSDD_ENROLLMENT_TAKES = 3;
/** FSDD takes 0-4 are the dataset's test split: enrollment takes come from there, cloning takes from 5-49. */
const FSDD_FIRST_TRAIN_TAKE = 5;

/** Default LibriSpeech speakers need this many cloning clips (their recording is at least 4 segments long). */
const MIN_DEFAULT_LIBRI_CLIPS = 3;

/**
 * The default bench: the 4 held-out VCC2016 speakers and the first 3 female and 3 male held-out LibriSpeech speakers
 * (in id order) whose recording gives at least 3 cloning clips plus the held-back segment.
 */
export async function defaultSpeakerKeys(corpus: Corpus): Promise<string[]> {
  const libri = librispeech(corpus);
  const picked: string[] = [];
  for (const g of ['F', 'M'] as const) {
    let count = 0;
    for (const s of heldOutLibriSpeakers(libri)) {
      const u = libri.utterances.find((x) => x.speaker === s)!;
      if (count === 3 || u.gender !== g) continue;
      if (cutIntoSegments((await loadClip(u.path)).audio, LIBRI_SEGMENT_SECONDS).length - 1 < MIN_DEFAULT_LIBRI_CLIPS) continue;
      picked.push(`librispeech-subset:${s}`);
      count++;
    }
    if (count < 3) throw new VoiceCloneError('DATA_MISSING', `Only ${count} held-out LibriSpeech speakers of gender ${g} have a recording long enough for the bench.`);
  }
  return [...HELD_OUT_VCC2016.map((s) => `vcc2016:${s}`), ...picked];
}

function librispeech(corpus: Corpus): Corpus {
  const utterances = corpus.utterances.filter((u) => u.corpus === 'librispeech-subset');
  return { name: 'librispeech-subset', utterances, speakers: [...new Set(utterances.map((u) => u.speaker))].sort(), skipped: [] };
}

function utterancesOf(corpus: Corpus, key: string): Utterance[] {
  const [name, speaker] = key.split(':');
  const list = corpus.utterances.filter((u) => u.corpus === name && u.speaker === speaker).sort((a, b) => a.id.localeCompare(b.id));
  if (list.length === 0) throw new VoiceCloneError('DATA_MISSING', `Speaker ${key} has no recordings in the shared data.`);
  return list;
}

function checkCount(key: string, n: number, max: number): void {
  if (!Number.isInteger(n) || n < 1 || n > max) throw new VoiceCloneError('BAD_ARGUMENT', `${key} has ${max} cloning clips; ${n} were asked for.`);
}

async function vccSpeaker(key: string, ctx: SpeakerContext): Promise<SpeakerMaterial> {
  const utts = utterancesOf(ctx.corpus, key);
  const texts = cloningSentences();
  const candidates = utts.filter((u) => u.split === 'train' && texts.has(vcc2016SentenceId(u)));
  const enrollUtts = utts.filter((u) => u.split === 'eval' && !ctx.synthesisIds.has(vcc2016SentenceId(u))).slice(0, VCC_ENROLLMENT);
  const evalPaths = new Map(utts.filter((u) => u.split === 'eval').map((u) => [vcc2016SentenceId(u), u.path]));
  return {
    key,
    corpus: 'vcc2016',
    gender: utts[0].gender ?? null,
    textSource: 'VCC2016 consensus transcript',
    enrollment: await Promise.all(enrollUtts.map(async (u) => ({ id: u.id, audio: (await loadClip(u.path, { normalize: false })).audio }))),
    maxClips: candidates.length,
    async cloneClips(n) {
      checkCount(key, n, candidates.length);
      return Promise.all(
        candidates.slice(0, n).map(async (u) => ({ id: u.id, audio: (await loadClip(u.path)).audio, text: texts.get(vcc2016SentenceId(u))!.text })),
      );
    },
    parallel: (id) => evalPaths.get(id) ?? null,
  };
}

async function libriSpeaker(key: string, ctx: SpeakerContext): Promise<SpeakerMaterial> {
  const [utt] = utterancesOf(ctx.corpus, key);
  const segments = cutIntoSegments((await loadClip(utt.path)).audio, LIBRI_SEGMENT_SECONDS);
  if (segments.length < 2) throw new VoiceCloneError('DATA_MISSING', `${key}'s clip is too short to hold back a segment for verification.`);
  const cloning = segments.slice(0, -1);
  return {
    key,
    corpus: 'librispeech-subset',
    gender: utt.gender ?? null,
    textSource: 'pocketsphinx transcript of the segment',
    enrollment: [{ id: `${utt.id}#${segments.length}`, audio: segments[segments.length - 1] }],
    maxClips: cloning.length,
    async cloneClips(n) {
      checkCount(key, n, cloning.length);
      await mkdir(ctx.scratchDir, { recursive: true });
      const clips: BenchClip[] = [];
      for (const [k, audio] of cloning.slice(0, n).entries()) {
        const id = `${utt.id}#${k + 1}`;
        const wav = path.join(ctx.scratchDir, `${id.replace('#', '_')}.wav`);
        await writeWav16(wav, audio);
        clips.push({ id, audio, text: await recognizeCached(wav, ctx.asrCacheDir) });
      }
      return clips;
    },
    parallel: () => null,
  };
}

/** One FSDD take (the ten digits of one session) read back to back as one clip, through the project's loader. */
async function fsddTake(key: string, digits: readonly Utterance[], normalize: boolean): Promise<MonoAudio> {
  const decoded = await Promise.all(digits.map((u) => decodeAudioFile(u.path)));
  const sampleRate = decoded[0].sampleRate;
  if (decoded.some((d) => d.sampleRate !== sampleRate)) throw new VoiceCloneError('DATA_MISSING', `${key}'s digit recordings differ in sample rate.`);
  const channels = [concatSamples(decoded.map((d) => toMono(d.channels)))];
  return prepareClip({ channels, sampleRate, format: 'fsdd take' }, `${key} take ${digits[0].id.split('_')[2]}`, { normalize }).audio;
}

async function fsddSpeaker(key: string, ctx: SpeakerContext): Promise<SpeakerMaterial> {
  const utts = utterancesOf(ctx.corpus, key);
  const byTake = new Map<number, Utterance[]>();
  for (const u of utts) {
    const take = Number(u.id.split('_')[2]);
    byTake.set(take, [...(byTake.get(take) ?? []), u]);
  }
  const takes = [...byTake.keys()].sort((a, b) => a - b);
  const digitsOf = (take: number) => byTake.get(take)!.sort((a, b) => a.id.localeCompare(b.id));
  const enrollTakes = takes.filter((t) => t < FSDD_FIRST_TRAIN_TAKE).slice(0, FSDD_ENROLLMENT_TAKES);
  const cloneTakes = takes.filter((t) => t >= FSDD_FIRST_TRAIN_TAKE);
  if (enrollTakes.length === 0) throw new VoiceCloneError('DATA_MISSING', `${key} has no test-split takes to enroll.`);
  const name = key.split(':')[1];
  return {
    key,
    corpus: 'fsdd',
    gender: utts[0].gender ?? null,
    textSource: 'the spoken digits',
    enrollment: await Promise.all(enrollTakes.map(async (t) => ({ id: `${name}_take${t}`, audio: await fsddTake(key, digitsOf(t), false) }))),
    maxClips: cloneTakes.length,
    async cloneClips(n) {
      checkCount(key, n, cloneTakes.length);
      return Promise.all(
        cloneTakes.slice(0, n).map(async (t) => {
          const digits = digitsOf(t);
          return { id: `${name}_take${t}`, audio: await fsddTake(key, digits, true), text: digits.map((u) => u.text!).join(' ') };
        }),
      );
    },
    parallel: () => null,
  };
}

/** The models trained on a speaker: TTS and encoder use VCC2016 training speakers, the verifier all but held-out ones. */
function modelsTrainedOn(key: string, corpus: Corpus): string[] {
  if (heldOutKeys(librispeech(corpus)).has(key)) return [];
  return key.startsWith('vcc2016:') ? ['TTS model', 'speaker encoder', 'speaker verifier'] : ['speaker verifier'];
}

type SpeakerMaterial = Omit<BenchSpeaker, 'seenInTraining'>;

/** A bench speaker from its `corpus:speaker` key. */
export async function loadBenchSpeaker(key: string, ctx: SpeakerContext): Promise<BenchSpeaker> {
  const corpus = key.split(':')[0];
  const loaders: Record<string, (key: string, ctx: SpeakerContext) => Promise<SpeakerMaterial>> = {
    vcc2016: vccSpeaker,
    'librispeech-subset': libriSpeaker,
    fsdd: fsddSpeaker,
  };
  const load = Object.hasOwn(loaders, corpus) ? loaders[corpus] : undefined;
  if (!load) throw new VoiceCloneError('BAD_ARGUMENT', `Speaker "${key}" is not from vcc2016, librispeech-subset or fsdd.`);
  return { ...(await load(key, ctx)), seenInTraining: modelsTrainedOn(key, ctx.corpus) };
}
