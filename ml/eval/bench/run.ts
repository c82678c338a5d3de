// The cloning-methods bench (Arik et al. 2018, figs. 3-4) on held-out real speakers: every speaker × N × method is
// cloned, spoken and measured (cached per cell), then aggregated into <out>/results.json and <out>/report.html.

import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { hasSpectrumMatch } from '../../api';
import { loadClip } from '../../audio/load';
import { initBackend, type BackendInfo } from '../../backend';
import { ADAPTATION_VERSION } from '../../cloning/adapt';
import { SPECTRUM_MATCH_VERSION } from '../../cloning/spectrum';
import type { CloneMethod } from '../../cloning/library/types';
import { lazyModels, type Models } from '../../cloning/models';
import { readSharedData } from '../../data/corpora/shared-data';
import type { SentenceTranscript } from '../../data/vcc2016-transcripts';
import { VoiceCloneError } from '../../errors';
import { writeFileAtomic } from '../../files';
import { embedAudio } from '../../models/verifier/embed';
import { VERIFIER_FORMAT_VERSION, type LoadedVerifier } from '../../models/verifier/weights';
import { builtinSpeaker, DEFAULT_GL_ITERATIONS, DEFAULT_MEL_SHARPENING, speak } from '../../models/tts/synthesize';
import type { LoadedTts } from '../../models/tts/weights';
import { QUANTIZER_STEP, WATERMARK_KEY } from '../../watermark/layout';
import type { LabeledEmbedding } from '../similarity';
import { fliteSltWav, recognizeCached } from '../tts-intelligibility';
import { corpusWordErrorRate } from '../wer';
import { aggregateCells, sameSpeakerAggregates, summarizeCell, verificationFigures, type CellSummary, type MethodAggregate, type VerificationFigures } from './aggregate';
import { cacheDir, cellFile, fingerprint, readCachedCell, writeCachedCell } from './cache';
import { runCell, type CellResult } from './cell';
import { measureInWorkers } from './workers';
import { MAX_SENTENCES, validateBenchOptions, type BenchOptions } from './options';
import type { BenchProgress } from './progress';
import { benchReportHtml } from './report';
import { benchSentences, synthesisSentences } from './sentences';
import { defaultSpeakerKeys, LIBRI_SEGMENT_SECONDS, loadBenchSpeaker, type BenchSpeaker, type SpeakerContext } from './speakers';

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
    encoder: { ttsModelVersion: string; step: number | null; sha256: string } | null;
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
  /**
   * The TTS model's built-in voices of real VCC2016 training speakers, spoken with their learned vectors, against those
   * speakers' real eval readings: how near the model's speaker space comes to real people (null without such voices).
   */
  trainedReference: (VerificationFigures & { speakers: string[] }) | null;
  /** pocketsphinx WER of `flite -voice slt` reading the synthesis sentences: the intelligibility baseline of the TTS issue. */
  fliteReference: { wer: number; errors: number; referenceWords: number };
  cells: CellResult[];
  skipped: SkippedCell[];
  aggregates: MethodAggregate[];
  /** The aggregates over only the speakers measured at every N of their method (`sameSpeakerAggregates`). */
  sameSpeakerAggregates: MethodAggregate[];
  cellSummaries: CellSummary[];
  /** Wall time of the whole run; cells measured in this run (by any worker) and cells read from an earlier run's cache. */
  timing: { totalSeconds: number; measuredCells: number; cachedCells: number; workers: number };
}

export interface BenchHooks {
  onProgress?: (p: BenchProgress) => void;
  log?: (line: string) => void;
}

const step = (training: Record<string, unknown>): number | null => (typeof training.step === 'number' ? training.step : null);

/** This process's share of the cells when several processes measure side by side: every `count`-th cell from `index`. */
export interface BenchShard {
  index: number;
  count: number;
}

/** Everything measuring cells needs: models, speakers, sentences, and what the figures' fingerprints depend on. */
interface BenchSetup {
  options: BenchOptions;
  backend: BackendInfo;
  models: Models;
  tts: LoadedTts;
  verifier: LoadedVerifier;
  encoder: BenchResults['models']['encoder'];
  notes: string[];
  methods: MethodStatus[];
  keys: string[];
  sentences: SentenceTranscript[];
  out: string;
  scratchDir: string;
  speakers: BenchSpeaker[];
  speakerContext: SpeakerContext;
  modelId: Record<string, unknown>;
}

async function setUp(options: BenchOptions, log: (line: string) => void, scratchDir: string): Promise<BenchSetup> {
  const backend = await initBackend();
  const models = lazyModels();
  const tts = await models.tts();
  const verifier = await models.verifier();
  const notes: string[] = [];
  let encoder: BenchResults['models']['encoder'] = null;
  let encoderNote: string | null = null;
  try {
    const e = await models.encoder();
    encoder = { ttsModelVersion: e.ttsModelVersion, step: step(e.training), sha256: e.sha256 };
  } catch (e) {
    if (!(e instanceof VoiceCloneError) || (e.code !== 'FILE_NOT_FOUND' && e.code !== 'BAD_ARGUMENT')) throw e;
    encoderNote = `No usable speaker encoder (${e.message}), so speaker encoding was not measured; adaptation started from the mean training speaker.`;
    notes.push(encoderNote);
  }
  if (encoder) notes.push("Adaptation started from the speaker encoder's estimate (as the app does).");
  const keptStep = 'whole-model adaptation stops early on a held-out clip from 3 clips on; embedding-only adaptation keeps the step whose loss over all its clips is lowest';
  notes.push(
    options.adaptSteps === null
      ? `Adaptation ran cloneVoice’s default number of steps (${keptStep}).`
      : `Adaptation ran at most ${options.adaptSteps} steps (${keptStep}).`,
  );
  const methods: MethodStatus[] = options.methods.map((method) => ({
    method,
    available: method !== 'encode' || encoder !== null,
    note: method === 'encode' && encoder === null ? encoderNote : null,
  }));

  const corpus = readSharedData();
  const keys = options.speakers ?? (await defaultSpeakerKeys(corpus));
  const sentences = benchSentences(options.sentenceSet, options.sentences);
  const out = path.resolve(options.out);
  await mkdir(out, { recursive: true });
  const ctx: SpeakerContext = {
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
  notes.push(`Synthesis: mel postfilter ${DEFAULT_MEL_SHARPENING}, Griffin-Lim ${DEFAULT_GL_ITERATIONS} iterations (the app's settings).`);
  const modelId = {
    tts: [tts.modelVersion, step(tts.training)],
    synthesis: [DEFAULT_MEL_SHARPENING, DEFAULT_GL_ITERATIONS],
    watermark: [WATERMARK_KEY, QUANTIZER_STEP],
    adaptation: ADAPTATION_VERSION,
    encoder,
    verifier: step(verifier.training),
    sentences: sentences.map((s) => [s.id, s.text]),
  };
  return { options, backend, models, tts, verifier, encoder, notes, methods, keys, sentences, out, scratchDir, speakers, speakerContext: ctx, modelId };
}

interface Measured {
  cells: CellResult[];
  skipped: SkippedCell[];
  total: number;
  measured: number;
  /** Measured cells written to the cache (measured less the cells that failed). */
  written: number;
  cached: number;
}

/**
 * Measures (or reads from the cache) every cell, or with `shard` only that share; measurable cells are dealt out
 * round-robin in (N, method, speaker) order so each share gets a like mix of cheap and costly ones. Progress counts
 * this process's cells.
 */
async function measureCells(setup: BenchSetup, shard: BenchShard | null, onProgress: (p: BenchProgress) => void): Promise<Measured> {
  const { options, speakers, methods, out, modelId, models, tts, verifier, sentences, scratchDir } = setup;
  const available = methods.filter((m) => m.available).map((m) => m.method);
  const plan = options.samples.flatMap((n) =>
    options.methods.flatMap((method) =>
      speakers.map((speaker) => ({
        n,
        method,
        speaker,
        skip: !available.includes(method) ? 'method unavailable' : n > speaker.maxClips ? `only ${speaker.maxClips} cloning clips` : null,
      })),
    ),
  );
  const measurable = plan.filter((c) => c.skip === null);
  // A shard takes its round-robin share of the measurable cells; the first shard also reports the unmeasurable ones.
  const mine =
    shard === null ? plan : plan.filter((c) => (c.skip === null ? measurable.indexOf(c) % shard.count === shard.index : shard.index === 0));
  const cells: CellResult[] = [];
  const skipped: SkippedCell[] = [];
  const progress: BenchProgress = { done: 0, total: mine.length, measured: 0, measuredSeconds: 0, label: 'starting' };
  let cached = 0;
  let written = 0;
  for (const { n, method, speaker, skip: reason } of mine) {
    progress.label = `${speaker.key} N=${n} ${method}`;
    onProgress({ ...progress });
    const skip = (why: string) => skipped.push({ speaker: speaker.key, n, method, reason: why });
    if (reason !== null) skip(reason);
    else {
      // The match's version touches only the cells of methods whose voices have one.
      const spectrum = hasSpectrumMatch(method) ? { spectrumMatch: SPECTRUM_MATCH_VERSION } : {};
      const fp = fingerprint({ ...modelId, ...spectrum, speaker: speaker.key, n, method, adaptSteps: method === 'encode' ? null : options.adaptSteps });
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
          written++;
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
  progress.label = 'done';
  onProgress({ ...progress });
  return { cells, skipped, total: plan.length, measured: progress.measured, written, cached };
}

/** Verification of the TTS model's built-in voices of VCC2016 training speakers against those speakers' real readings. */
async function trainedVoicesReference(setup: BenchSetup): Promise<BenchResults['trainedReference']> {
  const { tts, verifier, sentences, speakerContext } = setup;
  const voices = tts.builtinVoices.map((v) => ({ id: v.id, key: tts.speakers[v.row]?.key ?? '' })).filter((v) => v.key.startsWith('vcc2016:'));
  if (voices.length < 2) return null;
  const enrollment: LabeledEmbedding[] = [];
  const tests: LabeledEmbedding[] = [];
  for (const v of voices) {
    const speaker = await loadBenchSpeaker(v.key, speakerContext);
    for (const e of speaker.enrollment) enrollment.push({ speaker: v.key, embedding: embedAudio(verifier, e.audio) });
    for (const s of sentences) tests.push({ speaker: v.key, embedding: embedAudio(verifier, await speak(tts, s.text, builtinSpeaker(tts, v.id))) });
  }
  return { speakers: voices.map((v) => v.key), ...verificationFigures(enrollment, tests) };
}

/** WER of flite's slt voice on the synthesis sentences (the baseline clones' WER is compared with). */
async function fliteBaseline(setup: BenchSetup): Promise<BenchResults['fliteReference']> {
  const pairs: Array<{ reference: string; hypothesis: string }> = [];
  for (const s of setup.sentences) {
    const wav = path.join(setup.scratchDir, `flite-slt-${s.id}.wav`);
    await fliteSltWav(s.text, wav);
    pairs.push({ reference: s.text, hypothesis: await recognizeCached(wav, setup.speakerContext.asrCacheDir) });
  }
  return corpusWordErrorRate(pairs);
}

/**
 * Measures one share of the cells into the output folder's cache (the work of one worker process of runBench);
 * returns how many cells it measured and how many of those it wrote.
 */
export async function measureShard(requested: BenchOptions, shard: BenchShard, onProgress: (p: BenchProgress) => void): Promise<{ measured: number; written: number }> {
  const options = validateBenchOptions(requested);
  if (!Number.isInteger(shard.count) || shard.count < 1 || !Number.isInteger(shard.index) || shard.index < 0 || shard.index >= shard.count) {
    throw new VoiceCloneError('BAD_ARGUMENT', `Shard ${shard.index} of ${shard.count} does not exist.`);
  }
  const scratchDir = await mkdtemp(path.join(os.tmpdir(), 'voiceclone-eval-'));
  try {
    const { measured, written } = await measureCells(await setUp(options, () => {}, scratchDir), shard, onProgress);
    return { measured, written };
  } finally {
    await rm(scratchDir, { recursive: true, force: true });
  }
}

/**
 * Runs (or resumes) the bench and writes results.json and report.html into `options.out`. With more than one worker,
 * worker processes measure the cells into the cache first; this process then reads them all back and aggregates.
 */
export async function runBench(requested: BenchOptions, hooks: BenchHooks = {}): Promise<BenchResults> {
  const options = validateBenchOptions(requested);
  const log = hooks.log ?? (() => {});
  const onProgress = hooks.onProgress ?? (() => {});
  const started = performance.now();
  const scratchDir = await mkdtemp(path.join(os.tmpdir(), 'voiceclone-eval-'));
  try {
    const setup = await setUp(options, log, scratchDir);
    const { speakers, sentences, verifier, notes } = setup;
    const byWorkers = options.workers > 1 ? await measureInWorkers(options, onProgress) : null;
    const { cells, skipped, total, measured, cached } = await measureCells(setup, null, byWorkers ? () => {} : onProgress);

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
    log('speaking the TTS model\'s trained voices for the reference');
    const trainedReference = await trainedVoicesReference(setup);
    const fliteReference = await fliteBaseline(setup);

    if (speakers.some((s) => s.corpus === 'librispeech-subset')) {
      notes.push(
        `LibriSpeech speakers have one ~12 s recording: it was cut at pauses into ~${LIBRI_SEGMENT_SECONDS} s segments; the last segment is held back for verification, ` +
          'the others are cloning clips, and their text (needed by adaptation) is pocketsphinx’s transcript, so it contains recognition errors.',
      );
    }
    if (realTests.length === 0) notes.push('No speaker has a real reading of these sentences: MCD, F0 error and the real-recordings reference were not measured.');
    else if (speakers.some((s) => s.parallel(sentences[0].id) === null)) notes.push('MCD and F0 error need a real reading of the same sentence: they cover VCC2016 speakers only.');
    for (const s of speakers.filter((x) => x.seenInTraining.length > 0)) notes.push(`${s.key} is not held out: the ${s.seenInTraining.join(', ')} trained on this speaker.`);
    if (skipped.length > 0) notes.push(`${skipped.length} of ${total} cells were not measured; the report lists them and why.`);
    const aggregates = aggregateCells(cells, enrollment);
    const partial = aggregates.filter((a) => a.speakers.length < speakers.length).map((a) => `${a.method} N=${a.n}`);
    if (partial.length > 0) {
      notes.push(`Some points cover fewer speakers than the bench has (${partial.join(', ')}; see the speakers column): compare them with care.`);
    }

    const { tts, encoder, backend, methods, keys } = setup;
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
      trainedReference,
      fliteReference,
      cells,
      skipped,
      aggregates,
      sameSpeakerAggregates: sameSpeakerAggregates(cells, enrollment),
      cellSummaries: cells.map((c) => summarizeCell(c, enrollment)),
      timing: {
        totalSeconds: (performance.now() - started) / 1000,
        measuredCells: measured + (byWorkers?.measured ?? 0),
        cachedCells: cached - (byWorkers?.written ?? 0),
        workers: options.workers,
      },
    };
    await writeFileAtomic(path.join(options.out, RESULTS_FILE), `${JSON.stringify(results)}\n`);
    await writeFileAtomic(path.join(options.out, REPORT_FILE), benchReportHtml(results));
    return results;
  } finally {
    await rm(scratchDir, { recursive: true, force: true });
  }
}
