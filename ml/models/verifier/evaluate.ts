// Evaluation material for the verifier: clips of the held-out real speakers (VCC2016 eval sentences of the 4 held-out
// speakers; each held-out LibriSpeech clip cut into equal pieces of at least 3 s), training-speaker clips to fit and
// validate the WCCN back-end and the duration shift, and all-pairs trial scoring.

import path from 'node:path';
import { SAMPLE_RATE } from '../../audio/config';
import { logMel, type LogMel } from '../../audio/mel';
import type { TrialScores } from '../../eval/eer';
import { cosineSimilarity } from '../../eval/similarity';
import { readLibriSpeechSubset } from '../../data/corpora/librispeech-subset';
import { readVcc2016 } from '../../data/corpora/vcc2016';
import { loadFeatures, type SynthManifest } from '../../data/synth/cache';
import { VoiceCloneError } from '../../errors';
import { HELD_OUT_VCC2016, heldOutLibriSpeakers } from './heldout';
import { readSpeech } from './input';
import { trialScore, type DurationWeights } from './score';

export interface EvalClip {
  id: string;
  speaker: string;
  set: 'vcc2016-eval' | 'vcc2016-train' | 'librispeech' | 'synth';
  mel: LogMel;
  seconds: number;
}

/** Shortest LibriSpeech piece. */
export const PIECE_SECONDS = 3;

/** Held-out VCC2016 clips of one split (eval: unseen sentences; train: for enrollment). */
export async function heldOutVccClips(sharedRoot: string, split: 'eval' | 'train', perSpeaker = Infinity): Promise<EvalClip[]> {
  const corpus = readVcc2016(path.join(sharedRoot, 'vcc2016'));
  const clips: EvalClip[] = [];
  for (const speaker of HELD_OUT_VCC2016) {
    const utts = corpus.utterances.filter((u) => u.speaker === speaker && u.split === split).slice(0, perSpeaker);
    if (utts.length === 0) throw new VoiceCloneError('DATA_MISSING', `No VCC2016 ${split} utterances for held-out speaker ${speaker}.`);
    for (const u of utts) {
      const speech = await readSpeech(u.path);
      clips.push({ id: u.id, speaker, set: `vcc2016-${split}`, mel: logMel(speech), seconds: speech.samples.length / SAMPLE_RATE });
    }
  }
  return clips;
}

/** LibriSpeech clips of the held-out speakers (or, with `training`, of every other speaker), cut into ≥ 3 s pieces. */
export async function heldOutLibriClips(sharedRoot: string, training = false): Promise<EvalClip[]> {
  const corpus = readLibriSpeechSubset(path.join(sharedRoot, 'librispeech-subset'));
  const heldOut = new Set(heldOutLibriSpeakers(corpus));
  const clips: EvalClip[] = [];
  for (const speaker of corpus.speakers.filter((s) => heldOut.has(s) !== training)) {
    for (const u of corpus.utterances.filter((x) => x.speaker === speaker)) {
      const speech = await readSpeech(u.path);
      const pieces = Math.floor(speech.samples.length / (PIECE_SECONDS * SAMPLE_RATE));
      const len = Math.floor(speech.samples.length / Math.max(1, pieces));
      for (let p = 0; p < pieces; p++) {
        const samples = speech.samples.subarray(p * len, (p + 1) * len);
        clips.push({ id: `${u.id}#${p}`, speaker, set: 'librispeech', mel: logMel({ samples, sampleRate: SAMPLE_RATE }), seconds: len / SAMPLE_RATE });
      }
    }
  }
  return clips;
}

/**
 * VCC2016 clips (every `step`-th) of the 6 speakers the verifier trains on: train-split sentences fit its WCCN
 * back-end; eval-split sentences (never trained on) validate it without touching the held-out speakers.
 */
export async function trainingVccClips(sharedRoot: string, split: 'train' | 'eval', step: number): Promise<EvalClip[]> {
  const corpus = readVcc2016(path.join(sharedRoot, 'vcc2016'));
  const held = new Set<string>(HELD_OUT_VCC2016);
  const utts = corpus.utterances.filter((u) => u.split === split && !held.has(u.speaker)).filter((_, i) => i % step === 0);
  const clips: EvalClip[] = [];
  for (const u of utts) {
    const speech = await readSpeech(u.path);
    clips.push({ id: u.id, speaker: u.speaker, set: `vcc2016-${split}`, mel: logMel(speech), seconds: speech.samples.length / SAMPLE_RATE });
  }
  return clips;
}

/** Up to `limit` clips of the synthetic corpus's training speakers, from its stored log-mels. */
export function synthClips(manifest: SynthManifest, limit: number): EvalClip[] {
  return manifest.items
    .filter((item) => !item.speakerHeldOut)
    .slice(0, limit)
    .map((item) => ({ id: item.id, speaker: `synth:${item.speaker}`, set: 'synth' as const, mel: loadFeatures(manifest, item), seconds: item.seconds }));
}

/** One unordered pair of clips: cosine of their embeddings, both durations, and whether it is one speaker. */
export interface PairTrial {
  cosine: number;
  secondsA: number;
  secondsB: number;
  same: boolean;
}

/** Every unordered pair of clips as a labeled trial. */
export function allPairs(vectors: readonly ArrayLike<number>[], clips: ReadonlyArray<Pick<EvalClip, 'speaker' | 'seconds'>>): PairTrial[] {
  if (vectors.length !== clips.length) throw new VoiceCloneError('BAD_ARGUMENT', 'Need one clip per vector.');
  const pairs: PairTrial[] = [];
  for (let i = 0; i < vectors.length; i++) {
    for (let j = i + 1; j < vectors.length; j++) {
      pairs.push({ cosine: cosineSimilarity(vectors[i], vectors[j]), secondsA: clips[i].seconds, secondsB: clips[j].seconds, same: clips[i].speaker === clips[j].speaker });
    }
  }
  return pairs;
}

/** Same- and different-speaker trial scores of labeled pairs, with the duration shift (plain cosines when null). */
export function scorePairs(pairs: readonly PairTrial[], weights: DurationWeights | null): { same: number[]; different: number[] } {
  const same: number[] = [];
  const different: number[] = [];
  for (const p of pairs) (p.same ? same : different).push(trialScore(p.cosine, p.secondsA, p.secondsB, weights));
  return { same, different };
}

/** Pools trial sets. */
export function poolTrials(sets: readonly TrialScores[]): { same: number[]; different: number[] } {
  return { same: sets.flatMap((s) => Array.from(s.same)), different: sets.flatMap((s) => Array.from(s.different)) };
}
