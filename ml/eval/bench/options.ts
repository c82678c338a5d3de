// What one run of the cloning-methods bench does: speakers, clip counts N, methods, sentences, adaptation steps, output
// folder, worker processes; read from command-line arguments (npm run eval -- …), with --quick giving the small CI-sized run.

import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { VoiceCloneError } from '../../errors';
import { CLONE_METHODS, type CloneMethod } from '../../cloning/library/types';
import { HARVARD_SENTENCES } from '../harvard-sentences';

export interface BenchOptions {
  /** `corpus:speaker` keys (vcc2016:SF3, librispeech-subset:1234, fsdd:george); null: the default held-out set. */
  speakers: string[] | null;
  /** Clip counts to clone from, ascending. */
  samples: number[];
  methods: CloneMethod[];
  /** Which fixed text the clones speak (see SENTENCE_SETS). */
  sentenceSet: SentenceSet;
  /** How many of the set's sentences each clone speaks. */
  sentences: number;
  /** Adaptation steps at most; null: cloneVoice's own defaults. */
  adaptSteps: number | null;
  out: string;
  /** Processes measuring cells side by side (wasm runs one thread per process). */
  workers: number;
}

/** One process per core, at most 2 (this project's laptops-sized default). */
export const DEFAULT_WORKERS = Math.max(1, Math.min(2, availableParallelism()));
/** Most worker processes a run may ask for. */
export const MAX_WORKERS = 16;

export const DEFAULT_BENCH_OPTIONS: BenchOptions = {
  speakers: null,
  samples: [1, 2, 3, 5, 10],
  methods: [...CLONE_METHODS],
  sentenceSet: 'vcc2016',
  sentences: 3,
  adaptSteps: null,
  out: 'docs/eval/full',
  workers: DEFAULT_WORKERS,
};

/** The CI-sized run: 2 speakers, N ∈ {1, 5}, all methods, 5 adaptation steps, 2 sentences. */
export const QUICK_BENCH_OPTIONS: BenchOptions = {
  speakers: ['vcc2016:SF3', 'vcc2016:SM2'],
  samples: [1, 5],
  methods: [...CLONE_METHODS],
  sentenceSet: 'vcc2016',
  sentences: 2,
  adaptSteps: 5,
  out: 'cache/eval/quick',
  workers: DEFAULT_WORKERS,
};

/**
 * The texts a clone can speak, with how many sentences each has: `vcc2016`, eval sentences with a real parallel
 * recording of the VCC2016 speakers (MCD and F0 error need it); `harvard`, the 50 Harvard sentences on which the TTS
 * issue defines its intelligibility ratio (no parallel recordings).
 */
export const SENTENCE_SETS = { vcc2016: 5, harvard: HARVARD_SENTENCES.length } as const;
export type SentenceSet = keyof typeof SENTENCE_SETS;
/** Most VCC2016 synthesis sentences the bench has (eval sentences with a parallel recording). */
export const MAX_SENTENCES = SENTENCE_SETS.vcc2016;

/** How many sentences `set` has; refuses a set that does not exist, calling the setting `label` in the message. */
function sentenceLimit(set: string, label: string): number {
  if (!Object.hasOwn(SENTENCE_SETS, set)) throw new VoiceCloneError('BAD_ARGUMENT', `${label} takes ${Object.keys(SENTENCE_SETS).join(' or ')}, not "${set}".`);
  return SENTENCE_SETS[set as SentenceSet];
}

export const BENCH_USAGE =
  'npm run eval -- [--speakers vcc2016:SF3,librispeech-subset:1234,fsdd:george] [--samples 1,2,3,5,10] ' +
  '[--methods encode,adapt-embedding,adapt-whole] [--sentence-set vcc2016|harvard] [--sentences 1-5, or 1-50 for harvard] [--adapt-steps N] [--workers N] [--out dir] [--quick]';

function list(value: string, flag: string): string[] {
  const items = value.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (items.length === 0) throw new VoiceCloneError('BAD_ARGUMENT', `${flag} needs a comma-separated list.`);
  return items;
}

function wholeNumber(value: string, flag: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new VoiceCloneError('BAD_ARGUMENT', `${flag} takes whole numbers from ${min} to ${max}, not "${value}".`);
  }
  return n;
}

/** Checks options made in code (the same rules the argument parser applies). */
export function validateBenchOptions(o: BenchOptions): BenchOptions {
  if (o.speakers !== null) {
    if (o.speakers.length < 2) throw new VoiceCloneError('BAD_ARGUMENT', 'The bench needs at least 2 speakers: verification compares each clone against the others.');
    const bad = o.speakers.find((k) => !/^(vcc2016|librispeech-subset|fsdd):[A-Za-z0-9]+$/.test(k));
    if (bad) throw new VoiceCloneError('BAD_ARGUMENT', `Speaker "${bad}" is not vcc2016:<name>, librispeech-subset:<id> or fsdd:<name>.`);
    if (new Set(o.speakers).size !== o.speakers.length) throw new VoiceCloneError('BAD_ARGUMENT', 'A speaker is listed twice.');
  }
  if (o.samples.length === 0 || o.samples.some((n) => !Number.isInteger(n) || n < 1 || n > 50)) {
    throw new VoiceCloneError('BAD_ARGUMENT', 'Clip counts (--samples) must be whole numbers from 1 to 50.');
  }
  if (o.methods.length === 0 || o.methods.some((m) => !CLONE_METHODS.includes(m))) {
    throw new VoiceCloneError('BAD_ARGUMENT', `Methods must be some of ${CLONE_METHODS.join(', ')}.`);
  }
  const most = sentenceLimit(o.sentenceSet, 'The sentence set');
  if (!Number.isInteger(o.sentences) || o.sentences < 1 || o.sentences > most) {
    throw new VoiceCloneError('BAD_ARGUMENT', `Sentences must be a whole number from 1 to ${most} for the ${o.sentenceSet} set.`);
  }
  if (o.adaptSteps !== null && (!Number.isInteger(o.adaptSteps) || o.adaptSteps < 1)) {
    throw new VoiceCloneError('BAD_ARGUMENT', 'Adaptation steps must be a whole number of at least 1.');
  }
  if (!Number.isInteger(o.workers) || o.workers < 1 || o.workers > MAX_WORKERS) {
    throw new VoiceCloneError('BAD_ARGUMENT', `Workers must be a whole number from 1 to ${MAX_WORKERS}.`);
  }
  if (o.out.trim() === '') throw new VoiceCloneError('BAD_ARGUMENT', 'The output folder (--out) is empty.');
  return { ...o, samples: [...new Set(o.samples)].sort((a, b) => a - b), methods: CLONE_METHODS.filter((m) => o.methods.includes(m)) };
}

/** Options from `npm run eval -- …` arguments; --quick starts from the quick run, other flags override it. */
export function parseBenchArgs(argv: string[]): BenchOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        speakers: { type: 'string' },
        samples: { type: 'string' },
        methods: { type: 'string' },
        sentences: { type: 'string' },
        'sentence-set': { type: 'string' },
        'adapt-steps': { type: 'string' },
        workers: { type: 'string' },
        out: { type: 'string' },
        quick: { type: 'boolean', default: false },
      },
    }));
  } catch (e) {
    throw new VoiceCloneError('BAD_ARGUMENT', `${(e as Error).message.split('\n')[0]} Usage: ${BENCH_USAGE}`);
  }
  const base = values.quick ? QUICK_BENCH_OPTIONS : DEFAULT_BENCH_OPTIONS;
  const sentenceSet = values['sentence-set'] ?? base.sentenceSet;
  const mostSentences = sentenceLimit(sentenceSet, '--sentence-set');
  return validateBenchOptions({
    speakers: values.speakers === undefined ? base.speakers : list(values.speakers, '--speakers'),
    samples: values.samples === undefined ? base.samples : list(values.samples, '--samples').map((s) => wholeNumber(s, '--samples', 1, 50)),
    methods: values.methods === undefined ? base.methods : (list(values.methods, '--methods') as CloneMethod[]),
    sentenceSet: sentenceSet as SentenceSet,
    sentences: values.sentences === undefined ? base.sentences : wholeNumber(values.sentences, '--sentences', 1, mostSentences),
    adaptSteps: values['adapt-steps'] === undefined ? base.adaptSteps : wholeNumber(values['adapt-steps'], '--adapt-steps', 1, 100000),
    out: values.out ?? base.out,
    workers: values.workers === undefined ? base.workers : wholeNumber(values.workers, '--workers', 1, MAX_WORKERS),
  });
}
