// The bench's figures from raw cells: verification trials of clones against real enrollment recordings (EER, nearest-
// centroid accuracy, cosine to own speaker) and means of MCD, F0 error, WER, time and size per method × N.

import { CLONE_METHODS, type CloneMethod } from '../../cloning/library/types';
import { VoiceCloneError } from '../../errors';
import { equalErrorRate } from '../eer';
import { cosineSimilarity, speakerClassificationAccuracy, type LabeledEmbedding } from '../similarity';
import { corpusWordErrorRate } from '../wer';
import type { CellResult } from './cell';

export interface VerificationFigures {
  utterances: number;
  sameTrials: number;
  differentTrials: number;
  /** Every test utterance scored (cosine) against every enrollment recording of every bench speaker. */
  eer: number;
  eerThreshold: number;
  /** Share of test utterances whose nearest enrollment centroid is their own speaker's. */
  accuracy: number;
  /** Mean cosine of same-speaker trials. */
  meanOwnCosine: number;
}

export interface MethodAggregate extends VerificationFigures {
  method: CloneMethod;
  n: number;
  speakers: string[];
  /** Means over utterances with a real parallel reading; null when none had one. */
  mcdDb: number | null;
  f0RmseHz: number | null;
  /** Pooled: all errors over all reference words. */
  wer: number;
  /** Means over the cells. */
  cloneSeconds: number;
  synthSeconds: number;
  bytes: number;
}

export interface CellSummary {
  speaker: string;
  n: number;
  method: CloneMethod;
  meanOwnCosine: number;
  mcdDb: number | null;
  wer: number;
  cloneSeconds: number;
}

const mean = (xs: readonly number[]): number | null => (xs.length === 0 ? null : xs.reduce((s, x) => s + x, 0) / xs.length);

/** Verification figures of test utterances (labelled by the speaker they should sound like) against enrollment. */
export function verificationFigures(enrollment: readonly LabeledEmbedding[], tests: readonly LabeledEmbedding[]): VerificationFigures {
  if (new Set(enrollment.map((e) => e.speaker)).size < 2) {
    throw new VoiceCloneError('BAD_ARGUMENT', 'Verification needs enrollment recordings of at least 2 speakers.');
  }
  const same: number[] = [];
  const different: number[] = [];
  for (const t of tests) {
    for (const e of enrollment) (t.speaker === e.speaker ? same : different).push(cosineSimilarity(t.embedding, e.embedding));
  }
  const { eer, threshold } = equalErrorRate({ same, different });
  return {
    utterances: tests.length,
    sameTrials: same.length,
    differentTrials: different.length,
    eer,
    eerThreshold: threshold,
    accuracy: speakerClassificationAccuracy(enrollment, tests),
    meanOwnCosine: mean(same)!,
  };
}

const testsOf = (cells: readonly CellResult[]): LabeledEmbedding[] => cells.flatMap((c) => c.utterances.map((u) => ({ speaker: c.speaker, embedding: u.embedding })));

/** One aggregate per method × N present in `cells`, in method order then ascending N. */
export function aggregateCells(cells: readonly CellResult[], enrollment: readonly LabeledEmbedding[]): MethodAggregate[] {
  const out: MethodAggregate[] = [];
  for (const method of CLONE_METHODS) {
    const ns = [...new Set(cells.filter((c) => c.method === method).map((c) => c.n))].sort((a, b) => a - b);
    for (const n of ns) {
      const group = cells.filter((c) => c.method === method && c.n === n);
      const utts = group.flatMap((c) => c.utterances);
      out.push({
        method,
        n,
        speakers: group.map((c) => c.speaker),
        ...verificationFigures(enrollment, testsOf(group)),
        mcdDb: mean(utts.flatMap((u) => (u.mcdDb === null ? [] : [u.mcdDb]))),
        f0RmseHz: mean(utts.flatMap((u) => (u.f0RmseHz === null ? [] : [u.f0RmseHz]))),
        wer: corpusWordErrorRate(utts.map((u) => ({ reference: u.text, hypothesis: u.hypothesis }))).wer,
        cloneSeconds: mean(group.map((c) => c.cloneSeconds))!,
        synthSeconds: mean(group.map((c) => c.synthSeconds))!,
        bytes: mean(group.map((c) => c.bytes))!,
      });
    }
  }
  return out;
}

/**
 * The same aggregates over only the speakers measured at every N of their method, so that a curve over N compares the
 * same people (speakers with few clips drop out of the larger N and would otherwise change the set along the curve).
 */
export function sameSpeakerAggregates(cells: readonly CellResult[], enrollment: readonly LabeledEmbedding[]): MethodAggregate[] {
  const kept = CLONE_METHODS.flatMap((method) => {
    const mine = cells.filter((c) => c.method === method);
    const ns = [...new Set(mine.map((c) => c.n))];
    const measuredAt = new Map<string, Set<number>>();
    for (const c of mine) measuredAt.set(c.speaker, (measuredAt.get(c.speaker) ?? new Set<number>()).add(c.n));
    const atEveryN = new Set([...measuredAt].filter(([, have]) => ns.every((n) => have.has(n))).map(([speaker]) => speaker));
    return mine.filter((c) => atEveryN.has(c.speaker));
  });
  return aggregateCells(kept, enrollment);
}

/** Per-cell figures for the report's detail table. */
export function summarizeCell(cell: CellResult, enrollment: readonly LabeledEmbedding[]): CellSummary {
  const own = enrollment.filter((e) => e.speaker === cell.speaker);
  if (own.length === 0) throw new VoiceCloneError('BAD_ARGUMENT', `Speaker ${cell.speaker} has no enrollment recordings.`);
  const utts = cell.utterances;
  return {
    speaker: cell.speaker,
    n: cell.n,
    method: cell.method,
    meanOwnCosine: mean(utts.flatMap((u) => own.map((e) => cosineSimilarity(u.embedding, e.embedding))))!,
    mcdDb: mean(utts.flatMap((u) => (u.mcdDb === null ? [] : [u.mcdDb]))),
    wer: corpusWordErrorRate(utts.map((u) => ({ reference: u.text, hypothesis: u.hypothesis }))).wer,
    cloneSeconds: cell.cloneSeconds,
  };
}
