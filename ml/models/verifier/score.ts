// Verifier trial scores: the cosine of two utterance embeddings shifted by how long the two clips are (a quality
// measure: short clips score lower against everyone), and the calibrated same-speaker probability of that score.

import { calibratedProbability, fitLogistic } from '../../eval/calibration';
import { cosineToMean } from '../../eval/similarity';
import { VoiceCloneError } from '../../errors';
import type { LoadedVerifier } from './weights';

/** Score shift, in cosine units, per natural-log second of the shorter clip and of the two durations multiplied. */
export interface DurationWeights {
  logMin: number;
  logSum: number;
}

/** An utterance's verifier embedding and its seconds of speech (after the loader's trimming). */
export interface SpeakerPrint {
  embedding: Float32Array;
  seconds: number;
}

/** A compared pair: plain cosine, the duration-aware score, and the calibrated probability that it is one speaker. */
export interface TrialResult {
  cosine: number;
  score: number;
  probability: number;
}

function durationFeatures(secondsA: number, secondsB: number): [number, number] {
  if (!(secondsA > 0 && secondsB > 0)) throw new VoiceCloneError('BAD_ARGUMENT', 'Clip durations must be positive.');
  return [Math.log(Math.min(secondsA, secondsB)), Math.log(secondsA) + Math.log(secondsB)];
}

/** Cosine plus the duration shift (the plain cosine when the weights carry no duration fit). */
export function trialScore(cosine: number, secondsA: number, secondsB: number, weights: DurationWeights | null): number {
  if (!weights) return cosine;
  const [logMin, logSum] = durationFeatures(secondsA, secondsB);
  return cosine + weights.logMin * logMin + weights.logSum * logSum;
}

/**
 * Fits the duration shift by balanced logistic regression of same/different on (cosine, log min, log sum) and
 * expresses the two duration coefficients in cosine units (divided by the cosine's coefficient).
 */
export function fitDurationWeights(trials: ReadonlyArray<{ cosine: number; secondsA: number; secondsB: number; same: boolean }>): DurationWeights {
  const { weights } = fitLogistic(
    trials.map((t) => ({ features: [t.cosine, ...durationFeatures(t.secondsA, t.secondsB)], same: t.same })),
    { balanced: true },
  );
  if (!(weights[0] > 0)) throw new VoiceCloneError('BAD_ARGUMENT', 'Same-speaker trials do not score higher than different-speaker ones; cannot fit a duration shift.');
  return { logMin: weights[1] / weights[0], logSum: weights[2] / weights[0] };
}

/** Same-speaker probability of a trial score under the verifier's calibration. */
export function sameSpeakerProbability(verifier: LoadedVerifier, score: number): number {
  if (!verifier.calibration) {
    throw new VoiceCloneError('BAD_ARGUMENT', 'These verifier weights carry no calibration; run scripts/eval-verifier.ts to fit one.');
  }
  return calibratedProbability(score, verifier.calibration);
}

/** Compares one utterance with one or more references of a speaker (their embeddings averaged, their speech summed). */
export function compareSpeakers(verifier: LoadedVerifier, print: SpeakerPrint, references: readonly SpeakerPrint[]): TrialResult {
  const cosine = cosineToMean(print.embedding, references.map((r) => r.embedding));
  const seconds = references.reduce((s, r) => s + r.seconds, 0);
  const score = trialScore(cosine, print.seconds, seconds, verifier.durationWeights);
  return { cosine, score, probability: sameSpeakerProbability(verifier, score) };
}
