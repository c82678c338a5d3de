// The cloning-methods bench (Arik et al. 2018, figs. 3-4) on held-out real speakers: every speaker × N × method is
// cloned, spoken and measured (cached per cell), then aggregated into <out>/results.json and <out>/report.html.

import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadClip } from '../../audio/load';
import { initBackend, type BackendInfo } from '../../backend';
import type { CloneMethod } from '../../cloning/library/types';
import { lazyModels } from '../../cloning/models';
import { readSharedData } from '../../data/corpora/shared-data';
import type { SentenceTranscript } from '../../data/vcc2016-transcripts';
import { VoiceCloneError } from '../../errors';
import { writeFileAtomic } from '../../files';
import { embedAudio } from '../../models/verifier/embed';
import { VERIFIER_FORMAT_VERSION } from '../../models/verifier/weights';
import type { LabeledEmbedding } from '../similarity';
import { aggregateCells, summarizeCell, verificationFigures, type CellSummary, type MethodAggregate, type VerificationFigures } from './aggregate';
import { cacheDir, cellFile, fingerprint, readCachedCell, writeCachedCell } from './cache';
import { runCell, type CellResult } from './cell';
import { MAX_SENTENCES, validateBenchOptions, type BenchOptions } from './options';
import type { BenchProgress } from './progress';
import { benchReportHtml } from './report';
import { synthesisSentences } from './sentences';
import { defaultSpeakerKeys, LIBRI_SEGMENT_SECONDS, loadBenchSpeaker, type BenchSpeaker } from './speakers';

export const RESULTS_FILE = 'results.json';
export const REPORT_FILE = 'report.html';

export interface MethodStatus {
  method: CloneMethod;
  available: boolean;
  /** Why the method could not run, or null. */
  note: string | null;
}

export interface BenchSpeakerInfo {
  key: string;
  corpus: BenchSpeaker['corpus'];
  gender: string | null;
  textSource: BenchSpeaker['textSource'];
  seenInTraining: string[];
  enrollmentIds: string[];
  maxClips: number;
}

export interface SkippedCell {
  speaker: string;
  n: number;
  method: CloneMethod;
  reason: string;
}

export interface BenchResults {
  /** ISO 8601 time the results were written. */
  writtenAt: string;
  machine: { os: string; cpu: string; cores: number; node: string };
  backend: BackendInfo;
  models: {
    tts: { version: string; step: number | null };
    /** Null when there is no usable encoder. */
    encoder: { ttsModelVersion: string; step: number | null } | null;
    verifier: { formatVersion: number; step: number | null };
  };
  options: BenchOptions & { speakers: string[] };
  sentences: SentenceTranscript[];
  /** Things a reader must know to read the figures (missing methods, where text came from, skipped cells). */
  notes: string[];
  methods: MethodStatus[];
  speakers: BenchSpeakerInfo[];
  enrollment: Array<LabeledEmbedding & { id: string }>;
  /** The same verification on the speakers' real readings of the synthesis sentences (VCC2016 only): the ceiling. */
  realReference: (VerificationFigures & { speakers: string[] }) | null;
  cells: CellResult[];
  skipped: SkippedCell[];
  aggregates: MethodAggregate[];
  cellSummaries: CellSummary[];
  timing: { totalSeconds: number; measuredCells: number; cachedCells: number };
}

export interface BenchHooks {
  onProgress?: (p: BenchProgress) => void;
  log?: (line: string) => void;
}

const step = (training: Record<string, unknown>): number | null => (typeof training.step === 'number' ? training.step : null);

/** Runs (or resumes) the bench and writes results.json and report.html into `options.out`. */
export async function runBench(requested: BenchOptions, hooks: BenchHooks = {}): Promise<BenchResults> {
  const options = validateBenchOptions(requested);
  const log = hooks.log ?? (() => {});
  const started = performance.now();
  const backend = await initBackend();
  const models = lazyModels();
  const tts = await models.tts();
  const verifier = await models.verifier();
  const notes: string[] = [];
  let encoder: BenchResults['models']['encoder'] = null;
  let encoderNote: string | null = null;
  try {
    const e = await models.encoder();
    encoder = { ttsModelVersion: e.ttsModelVersion, step: step(e.training) };
  } catch (e) {
    if (!(e instanceof VoiceCloneError) || (e.code !== 'FILE_NOT_FOUND' && e.code !== 'BAD_ARGUMENT')) throw e;
    encoderNote = `No usable speaker encoder (${e.message}), so speaker encoding was not measured; adaptation started from the mean training speaker.`;
    notes.push(encoderNote);
  }
  if (encoder) notes.push("Adaptation started from the speaker encoder's estimate (as the app does).");
  notes.push(
    options.adaptSteps === null
      ? 'Adaptation ran cloneVoice’s default number of steps (early stopping on a held-out clip with 3 or more clips).'
      : `Adaptation ran at most ${options.adaptSteps} steps (early stopping on a held-out clip with 3 or more clips).`,
  );
  const methods: MethodStatus[] = options.methods.map((method) => ({
    method,
    available: method !== 'encode' || encoder !== null,
    note: method === 'encode' && encoder === null ? encoderNote : null,
  }));

  const corpus = readSharedData();
  const keys = options.speakers ?? (await defaultSpeakerKeys(corpus));
  const sentences = synthesisSentences(options.sentences);
  const out = path.resolve(options.out);
  await mkdir(out, { recursive: true });
  const scratchDir = await mkdtemp(path.join(os.tmpdir(), 'voiceclone-eval-'));
  try {
    const ctx = {
      corpus,
      asrCacheDir: path.join(cacheDir(out), 'asr'),
      scratchDir,
      synthesisIds: new Set(synthesisSentences(MAX_SENTENCES).map((s) => s.id)),
    };
    const speakers: BenchSpeaker[] = [];
    for (const key of keys) {
      log(`loading ${key}`);
      speakers.push(await loadBenchSpeaker(key, ctx));
    }
    const enrollment = speakers.flatMap((s) => s.enrollment.map((e) => ({ speaker: s.key, id: e.id, embedding: Array.from(embedAudio(verifier, e.audio)) })));
    const realTests: LabeledEmbedding[] = [];
    for (const s of speakers) {
      for (const sentence of sentences) {
        const real = s.parallel(sentence.id);
        if (real) realTests.push({ speaker: s.key, embedding: embedAudio(verifier, (await loadClip(real, { normalize: false })).audio) });
      }
    }
    const realReference =
      realTests.length === 0 ? null : { speakers: [...new Set(realTests.map((t) => t.speaker))], ...verificationFigures(enrollment, realTests) };

    if (speakers.some((s) => s.corpus === 'librispeech-subset')) {
      notes.push(
        `LibriSpeech speakers have one ~12 s recording: it was cut at pauses into ~${LIBRI_SEGMENT_SECONDS} s segments; the last segment is held back for verification, ` +
          'the others are cloning clips, and their text (needed by adaptation) is pocketsphinx’s transcript, so it contains recognition errors.',
      );
    }
    if (speakers.some((s) => s.parallel(sentences[0].id) === null)) notes.push('MCD and F0 error need a real reading of the same sentence: they cover VCC2016 speakers only.');
    for (const s of speakers.filter((x) => x.seenInTraining.length > 0)) notes.push(`${s.key} is not held out: the ${s.seenInTraining.join(', ')} trained on this speaker.`);

    const modelId = {
      tts: [tts.modelVersion, step(tts.training)],
      encoder,
      verifier: step(verifier.training),
      sentences: sentences.map((s) => [s.id, s.text]),
    };
    const cells: CellResult[] = [];
    const skipped: SkippedCell[] = [];
    const available = methods.filter((m) => m.available).map((m) => m.method);
    const total = speakers.length * options.samples.length * options.methods.length;
    const progress: BenchProgress = { done: 0, total, measured: 0, measuredSeconds: 0, label: 'starting' };
    let cached = 0;
    for (const n of options.samples) {
      for (const method of options.methods) {
        for (const speaker of speakers) {
          progress.label = `${speaker.key} N=${n} ${method}`;
          hooks.onProgress?.({ ...progress });
          const skip = (reason: string) => skipped.push({ speaker: speaker.key, n, method, reason });
          if (!available.includes(method)) skip('method unavailable');
          else if (n > speaker.maxClips) skip(`only ${speaker.maxClips} cloning clips`);
          else {
            const fp = fingerprint({ ...modelId, speaker: speaker.key, n, method, adaptSteps: method === 'encode' ? null : options.adaptSteps });
            const file = cellFile(out, speaker.key, n, method);
            const hit = await readCachedCell(file, fp);
            if (hit) {
              cells.push(hit);
              cached++;
            } else {
              const t0 = performance.now();
              try {
                const cell = await runCell({ models, tts, verifier, sentences, scratchDir, adaptSteps: options.adaptSteps }, speaker, n, method, fp);
                await writeCachedCell(file, cell);
                cells.push(cell);
              } catch (e) {
                if (!(e instanceof VoiceCloneError) || !['TEXT_INVALID', 'TOO_SHORT', 'DATA_MISSING'].includes(e.code)) throw e;
                skip(`failed: ${e.message}`);
              }
              progress.measured++;
              progress.measuredSeconds += (performance.now() - t0) / 1000;
            }
          }
          progress.done++;
        }
      }
    }
    progress.label = 'done';
    hooks.onProgress?.({ ...progress });
    if (skipped.length > 0) notes.push(`${skipped.length} of ${total} cells were not measured; the report lists them and why.`);
    const aggregates = aggregateCells(cells, enrollment);
    const partial = aggregates.filter((a) => a.speakers.length < speakers.length).map((a) => `${a.method} N=${a.n}`);
    if (partial.length > 0) {
      notes.push(`Some points cover fewer speakers than the bench has (${partial.join(', ')}; see the speakers column): compare them with care.`);
    }

    const results: BenchResults = {
      writtenAt: new Date().toISOString(),
      machine: { os: `${os.type()} ${os.release()} ${os.arch()}`, cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, node: process.version },
      backend,
      models: { tts: { version: tts.modelVersion, step: step(tts.training) }, encoder, verifier: { formatVersion: VERIFIER_FORMAT_VERSION, step: step(verifier.training) } },
      options: { ...options, speakers: keys },
      sentences,
      notes,
      methods,
      speakers: speakers.map((s) => ({
        key: s.key,
        corpus: s.corpus,
        gender: s.gender,
        textSource: s.textSource,
        seenInTraining: s.seenInTraining,
        enrollmentIds: s.enrollment.map((e) => e.id),
        maxClips: s.maxClips,
      })),
      enrollment,
      realReference,
      cells,
      skipped,
      aggregates,
      cellSummaries: cells.map((c) => summarizeCell(c, enrollment)),
      timing: { totalSeconds: (performance.now() - started) / 1000, measuredCells: progress.measured, cachedCells: cached },
    };
    await writeFileAtomic(path.join(out, RESULTS_FILE), `${JSON.stringify(results)}\n`);
    await writeFileAtomic(path.join(out, REPORT_FILE), benchReportHtml(results));
    return results;
  } finally {
    await rm(scratchDir, { recursive: true, force: true });
  }
}
