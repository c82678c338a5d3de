// Saving and loading verifier weights through ml/models/tensor-file: config and calibration in model.json, tensors
// (optionally with the WCCN map) in weights.bin. Wrong version, shape or checksum is refused.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tf } from '../../backend';
import { VoiceCloneError } from '../../errors';
import type { PlattCalibration } from '../../eval/calibration';
import { NORMALIZATION_WEIGHTS, weightShapes, type VerifierConfig, type VerifierWeights } from './model';
import type { DurationWeights } from './score';
import { loadTensorFile, MODEL_FILE, saveTensorFile } from '../tensor-file';

export const VERIFIER_FORMAT = 'voiceclone-speaker-verifier';
export const VERIFIER_FORMAT_VERSION = 2;
export { MODEL_FILE, WEIGHTS_FILE } from '../tensor-file';

/** The shipped verifier: assets/verifier in the repository. */
export const DEFAULT_VERIFIER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../assets/verifier');

/** What model.json records besides the weights. */
export interface VerifierMetadata {
  config: VerifierConfig;
  /** Maps a trial score to a same-speaker probability; null until fitted on held-out trials. */
  calibration: PlattCalibration | null;
  /** Duration shift added to the cosine to make a trial score (`score.ts`); null (or absent in older files) = none. */
  durationWeights: DurationWeights | null;
  /** Free-form training facts (steps, data, backend) for the model card. */
  training: Record<string, unknown>;
}

/** Name of the optional WCCN scoring map [embeddingDim × embeddingDim] stored beside the network weights. */
export const PROJECTION_WEIGHT = 'wccnProjection';

export interface LoadedVerifier extends VerifierMetadata {
  weights: VerifierWeights;
  /** WCCN map applied to utterance embeddings (row-major), or null for plain network embeddings. */
  projection: Float32Array | null;
}

/** Writes weights (plus any extra named tensors, e.g. a training head) and metadata into `dir`. */
export async function saveVerifier(dir: string, weights: Record<string, tf.Tensor>, meta: VerifierMetadata): Promise<void> {
  await saveTensorFile(dir, VERIFIER_FORMAT, VERIFIER_FORMAT_VERSION, weights, meta);
}

/**
 * Reads model.json and weights.bin from `dir` and returns every stored tensor as a variable (the model's weights
 * checked against the config's shapes; extra tensors, such as a training head, come back in `extra`).
 */
export async function loadVerifierFiles(dir: string): Promise<LoadedVerifier & { extra: Record<string, tf.Variable> }> {
  const modelPath = path.join(dir, MODEL_FILE);
  const { meta: stored, tensors } = await loadTensorFile<VerifierMetadata>(dir, VERIFIER_FORMAT, VERIFIER_FORMAT_VERSION, 'speaker-verifier');
  const model = { ...stored, durationWeights: stored.durationWeights ?? null };
  const weights: VerifierWeights = {};
  const extra: Record<string, tf.Variable> = {};
  let projection: Float32Array | null = null;
  const p = tensors[PROJECTION_WEIGHT];
  if (p) {
    const dim = model.config.embeddingDim;
    if (p.shape.join('x') !== `${dim}x${dim}`) throw new VoiceCloneError('BAD_ARGUMENT', `${modelPath}: "${PROJECTION_WEIGHT}" must be ${dim}×${dim}.`);
    projection = p.dataSync() as Float32Array;
    p.dispose();
    delete tensors[PROJECTION_WEIGHT];
  }
  const expected = new Map(weightShapes(model.config));
  for (const [name, shape] of expected) {
    const t = tensors[name];
    if (!t || t.shape.join('x') !== shape.join('x')) {
      throw new VoiceCloneError('BAD_ARGUMENT', `${modelPath}: weight "${name}" is missing or has the wrong shape (want ${shape.join('×')}).`);
    }
  }
  for (const [name, t] of Object.entries(tensors)) {
    const trainable = !(NORMALIZATION_WEIGHTS as readonly string[]).includes(name);
    (expected.has(name) ? weights : extra)[name] = tf.variable(t, trainable);
    t.dispose();
  }
  return { config: model.config, calibration: model.calibration, durationWeights: model.durationWeights, training: model.training, weights, projection, extra };
}
