// Evaluates verifier weights on the held-out real speakers against the log-mel statistics baseline: EER, accuracy,
// WCCN back-end, duration shift, calibration, cosine histograms (PNG), scoring speed. Usage: npx tsx scripts/eval-verifier.ts [--weights DIR] [--export DIR]
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SAMPLE_RATE } from '../ml/audio/config';
import { logMel } from '../ml/audio/mel';
import { tf } from '../ml/backend';
import { fitPlatt } from '../ml/eval/calibration';
import { equalErrorRate, type TrialScores } from '../ml/eval/eer';
import { histogramPng } from '../ml/eval/histogram-plot';
import { logMelStatistics } from '../ml/eval/logmel-stats';
import { speakerClassificationAccuracy } from '../ml/eval/similarity';
import { SHARED_DATA_ROOT } from '../ml/data/corpora/shared-data';
import { readLibriSpeechSubset } from '../ml/data/corpora/librispeech-subset';
import { embedMels, loadVerifier } from '../ml/models/verifier/embed';
import { MANIFEST_FILE, readSynthManifest } from '../ml/data/synth/cache';
import { allPairs, heldOutLibriClips, heldOutVccClips, poolTrials, scorePairs, synthClips, trainingVccClips, type EvalClip } from '../ml/models/verifier/evaluate';
import { HELD_OUT_VCC2016, heldOutLibriSpeakers } from '../ml/models/verifier/heldout';
import { prepareSpeech, readSpeech } from '../ml/models/verifier/input';
import { fitDurationWeights } from '../ml/models/verifier/score';
import { applyProjection, wccnProjection, withinClassCovariance } from '../ml/models/verifier/wccn';
import { PROJECTION_WEIGHT, saveVerifier, type LoadedVerifier } from '../ml/models/verifier/weights';

const { values } = parseArgs({
  options: {
    weights: { type: 'string', default: 'cache/verifier/checkpoint' },
    export: { type: 'string' },
    docs: { type: 'string', default: 'docs/verifier' },
    results: { type: 'string', default: 'cache/verifier/results.json' },
    synth: { type: 'string', default: 'cache/synth' },
  },
});

const log = (line: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${line}`);
const verifier = await loadVerifier(path.resolve(values.weights));
log(`weights ${values.weights}: step ${verifier.training.step}, backend ${tf.getBackend()}`);

// WCCN back-end, fitted on training speakers only; its shrinkage (or none) is chosen by EER on the unseen (eval-split)
// sentences of the 6 VCC2016 training speakers, never on the held-out speakers.
const network: LoadedVerifier = { ...verifier, projection: null };
const synthDir = path.resolve(values.synth);
const wccnChoice: Array<{ shrink: number | null; validationEer: number }> = [];
// Unseen (eval-split) sentences of the 6 VCC2016 training speakers: they choose WCCN and fit the duration shift.
const validation = await trainingVccClips(SHARED_DATA_ROOT, 'eval', 1);
if (existsSync(path.join(synthDir, MANIFEST_FILE))) {
  const manifest = readSynthManifest(synthDir);
  const cohort = [...(await trainingVccClips(SHARED_DATA_ROOT, 'train', 3)), ...(await heldOutLibriClips(SHARED_DATA_ROOT, true)), ...synthClips(manifest, 900)];
  const within = withinClassCovariance(embedMels(network, cohort.map((c) => c.mel)), cohort.map((c) => c.speaker));
  const validationEmbeddings = embedMels(network, validation.map((c) => c.mel));
  const eerWith = (projection: Float32Array | null) =>
    equalErrorRate(scorePairs(allPairs(projection ? validationEmbeddings.map((e) => applyProjection(projection, e)) : validationEmbeddings, validation), null)).eer;
  let best: { eer: number; projection: Float32Array | null } = { eer: eerWith(null), projection: null };
  wccnChoice.push({ shrink: null, validationEer: best.eer });
  for (const shrink of [0.3, 1, 3]) {
    const projection = wccnProjection(within, verifier.config.embeddingDim, shrink);
    const eer = eerWith(projection);
    wccnChoice.push({ shrink, validationEer: eer });
    if (eer < best.eer) best = { eer, projection };
  }
  verifier.projection = best.projection;
  log(`WCCN on ${cohort.length} training clips, validated on ${validation.length} unseen sentences of training speakers: ${JSON.stringify(wccnChoice)}`);
} else {
  log(`WCCN not refitted: no synthetic corpus at ${synthDir} to fit it on; ${verifier.projection ? 'keeping the one the weights carry' : 'none'}`);
}

// Duration shift: balanced logistic regression of same/different speaker on the cosine and the two clips' durations,
// over every pair of the unseen sentences of the 6 VCC2016 training speakers (never the held-out speakers).
const durationPairs = allPairs(embedMels(verifier, validation.map((c) => c.mel)), validation);
verifier.durationWeights = fitDurationWeights(durationPairs);
const durationFit = {
  weights: verifier.durationWeights,
  validationEer: { cosine: equalErrorRate(scorePairs(durationPairs, null)).eer, withShift: equalErrorRate(scorePairs(durationPairs, verifier.durationWeights)).eer },
};
log(`duration shift fitted on ${durationPairs.length} validation pairs: ${JSON.stringify(durationFit)}`);

const vccEval = await heldOutVccClips(SHARED_DATA_ROOT, 'eval');
const vccEnroll = await heldOutVccClips(SHARED_DATA_ROOT, 'train', 10);
const libri = await heldOutLibriClips(SHARED_DATA_ROOT);
log(`clips: ${vccEval.length} VCC2016 eval, ${vccEnroll.length} VCC2016 enrollment, ${libri.length} LibriSpeech pieces`);

// verifier: the shipped scoring (network, WCCN, duration shift); cosineOnly: the same embeddings' plain cosine.
type Method = 'verifier' | 'cosineOnly' | 'networkOnly' | 'baseline';
// cosineOnly scores the verifier's own embeddings, so each clip set is embedded once per source.
const embedded = new Map<EvalClip[], Map<Method, ArrayLike<number>[]>>();
const vectors = (method: Method, clips: EvalClip[]): ArrayLike<number>[] => {
  const source = method === 'cosineOnly' ? 'verifier' : method;
  const bySource = embedded.get(clips) ?? new Map<Method, ArrayLike<number>[]>();
  embedded.set(clips, bySource);
  if (!bySource.has(source)) {
    bySource.set(source, source === 'baseline' ? clips.map((c) => logMelStatistics(c.mel)) : embedMels(source === 'networkOnly' ? network : verifier, clips.map((c) => c.mel)));
  }
  return bySource.get(source)!;
};

const results: Record<string, unknown> = { wccnChoice, durationFit };
const trials: Record<Method, Record<string, TrialScores>> = { verifier: {}, cosineOnly: {}, networkOnly: {}, baseline: {} };
for (const method of ['verifier', 'cosineOnly', 'networkOnly', 'baseline'] as const) {
  const vEval = vectors(method, vccEval);
  const vEnroll = vectors(method, vccEnroll);
  const vLibri = vectors(method, libri);
  const shift = method === 'verifier' ? verifier.durationWeights : null;
  const vcc = scorePairs(allPairs(vEval, vccEval), shift);
  const lib = scorePairs(allPairs(vLibri, libri), shift);
  const pooled = poolTrials([vcc, lib]);
  trials[method] = { vcc, lib, pooled };
  const label = (clips: EvalClip[], v: ArrayLike<number>[]) => clips.map((c, i) => ({ speaker: c.speaker, embedding: v[i] }));
  const firstPiece = libri.map((c) => c.id.endsWith('#0'));
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  results[method] = {
    eer: {
      pooled: equalErrorRate(pooled),
      vcc2016Eval: equalErrorRate(vcc),
      librispeechPieces: equalErrorRate(lib),
    },
    trials: { pooled: { same: pooled.same.length, different: pooled.different.length } },
    meanScore: {
      vcc2016EvalSame: mean(vcc.same),
      vcc2016EvalDifferent: mean(vcc.different),
      librispeechSame: mean(lib.same),
      librispeechDifferent: mean(lib.different),
    },
    classificationAccuracy: {
      vcc2016: speakerClassificationAccuracy(label(vccEnroll, vEnroll), label(vccEval, vEval)),
      librispeech: speakerClassificationAccuracy(
        label(libri, vLibri).filter((_, i) => firstPiece[i]),
        label(libri, vLibri).filter((_, i) => !firstPiece[i]),
      ),
    },
  };
  log(`${method}: ${JSON.stringify(results[method])}`);
}

const calibration = fitPlatt(trials.verifier.pooled, { balanced: true });
results.calibration = calibration;
log(`calibration (balanced Platt on pooled held-out trial scores): a ${calibration.a.toFixed(3)} b ${calibration.b.toFixed(3)}`);

// Scoring speed: 100 clips of exactly 3 s of held-out speech, from samples in memory to embeddings.
const libriCorpus = readLibriSpeechSubset(path.join(SHARED_DATA_ROOT, 'librispeech-subset'));
const benchClips: Float32Array[] = [];
for (const speaker of heldOutLibriSpeakers(libriCorpus)) {
  const u = libriCorpus.utterances.find((x) => x.speaker === speaker)!;
  const speech = await readSpeech(u.path);
  for (let s = 0; s + 3 * SAMPLE_RATE <= speech.samples.length && benchClips.length < 100; s += 2 * SAMPLE_RATE) {
    benchClips.push(speech.samples.slice(s, s + 3 * SAMPLE_RATE));
  }
}
const t0 = performance.now();
const cpu0 = process.cpuUsage();
embedMels(verifier, benchClips.map((samples) => logMel(prepareSpeech({ samples, sampleRate: SAMPLE_RATE }))));
const benchSeconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
results.benchmark = { clips: benchClips.length, clipSeconds: 3, seconds: benchSeconds, cpuSeconds, backend: tf.getBackend() };
log(`benchmark: ${benchClips.length} clips of 3 s scored in ${benchSeconds.toFixed(2)} s wall (${cpuSeconds.toFixed(2)} s CPU) on ${tf.getBackend()}`);

const eerOf = (m: Method) => (results[m] as { eer: { vcc2016Eval: { eer: number; threshold: number } } }).eer.vcc2016Eval;
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
/** Axis from the lowest score (rounded down to a step) to 1. */
const axis = (t: TrialScores, step: number) => ({ min: Math.floor(Math.min(...Array.from(t.same), ...Array.from(t.different)) / step) * step, max: 1 });
const png = histogramPng(
  [
    {
      title: `Verifier score (cosine + duration shift), held-out VCC2016 ${HELD_OUT_VCC2016.join(' ')}: EER ${pct(eerOf('verifier').eer)}`,
      ...axis(trials.verifier.vcc, 0.1),
      series: [
        { label: `same speaker (${trials.verifier.vcc.same.length} pairs)`, color: '#1f77b4', values: trials.verifier.vcc.same },
        { label: `different speakers (${trials.verifier.vcc.different.length} pairs)`, color: '#d62728', values: trials.verifier.vcc.different },
      ],
      marker: { value: eerOf('verifier').threshold, label: 'EER threshold' },
    },
    {
      title: `Verifier cosine alone, same trials: EER ${pct(eerOf('cosineOnly').eer)}`,
      ...axis(trials.cosineOnly.vcc, 0.1),
      series: [
        { label: 'same speaker', color: '#1f77b4', values: trials.cosineOnly.vcc.same },
        { label: 'different speakers', color: '#d62728', values: trials.cosineOnly.vcc.different },
      ],
      marker: { value: eerOf('cosineOnly').threshold, label: 'EER threshold' },
    },
    {
      title: `Baseline, log-mel mean+std (no training), same trials: EER ${pct(eerOf('baseline').eer)}`,
      ...axis(trials.baseline.vcc, 0.01),
      series: [
        { label: 'same speaker', color: '#1f77b4', values: trials.baseline.vcc.same },
        { label: 'different speakers', color: '#d62728', values: trials.baseline.vcc.different },
      ],
      marker: { value: eerOf('baseline').threshold, label: 'EER threshold' },
    },
  ],
  { bins: 70, xLabel: 'score (cosine similarity; the first panel adds the duration shift)', width: 960 },
);
await mkdir(values.docs, { recursive: true });
await writeFile(path.join(values.docs, 'cosine-distributions.png'), png);
await mkdir(path.dirname(values.results), { recursive: true });
await writeFile(values.results, `${JSON.stringify({ weightsStep: verifier.training.step, ...results }, null, 1)}\n`);
log(`wrote ${path.join(values.docs, 'cosine-distributions.png')} and ${values.results}`);

if (values.export) {
  const speakers = (verifier.training.speakers as string[] | undefined) ?? [];
  const byCorpus: Record<string, number> = {};
  for (const key of speakers) byCorpus[key.split(':')[0]] = (byCorpus[key.split(':')[0]] ?? 0) + 1;
  const tensors: Record<string, tf.Tensor> = { ...verifier.weights };
  const dim = verifier.config.embeddingDim;
  if (verifier.projection) tensors[PROJECTION_WEIGHT] = tf.tensor2d(verifier.projection, [dim, dim]);
  await saveVerifier(values.export, tensors, {
    config: verifier.config,
    calibration,
    durationWeights: verifier.durationWeights,
    training: {
      step: verifier.training.step,
      backend: verifier.training.backend,
      // Re-exporting exported weights (no speaker list, WCCN kept) carries their earlier facts over.
      trainingSpeakersByCorpus: speakers.length > 0 ? byCorpus : verifier.training.trainingSpeakersByCorpus,
      wccnChoice: wccnChoice.length > 0 ? wccnChoice : verifier.training.wccnChoice,
      durationFit,
      heldOutEer: {
        verifier: (results.verifier as { eer: unknown }).eer,
        cosineOnly: (results.cosineOnly as { eer: unknown }).eer,
        networkOnly: (results.networkOnly as { eer: unknown }).eer,
        baseline: (results.baseline as { eer: unknown }).eer,
      },
    },
  });
  log(`exported weights with calibration to ${values.export}`);
}
