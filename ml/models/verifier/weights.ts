// Saving and loading verifier weights: model.json (format, version, config, tfjs weight specs, SHA-256, calibration)
// next to weights.bin (tfjs's weight encoding, optionally with the WCCN map). Wrong version, shape or checksum is refused.

import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tf } from '../../backend';
import { VoiceCloneError } from '../../errors';
import type { PlattCalibration } from '../../eval/calibration';
import { NORMALIZATION_WEIGHTS, weightShapes, type VerifierConfig, type VerifierWeights } from './model';
import { writeFileAtomic } from '../../files';

export const VERIFIER_FORMAT = 'voiceclone-speaker-verifier';
export const VERIFIER_FORMAT_VERSION = 1;
export const MODEL_FILE = 'model.json';
export const WEIGHTS_FILE = 'weights.bin';

/** The shipped verifier: assets/verifier in the repository. */
export const DEFAULT_VERIFIER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../assets/verifier');

/** What model.json records besides the weights. */
export interface VerifierMetadata {
  config: VerifierConfig;
  /** Maps cosine to a same-speaker probability; null until fitted on held-out trials. */
  calibration: PlattCalibration | null;
  /** Free-form training facts (steps, data, backend) for the model card. */
  training: Record<string, unknown>;
}

interface ModelFile extends VerifierMetadata {
  format: string;
  version: number;
  weightsFile: string;
  sha256: string;
  weightSpecs: tf.io.WeightsManifestEntry[];
}

/** Name of the optional WCCN scoring map [embeddingDim × embeddingDim] stored beside the network weights. */
export const PROJECTION_WEIGHT = 'wccnProjection';

export interface LoadedVerifier extends VerifierMetadata {
  weights: VerifierWeights;
  /** WCCN map applied to utterance embeddings (row-major), or null for plain network embeddings. */
  projection: Float32Array | null;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Writes weights (plus any extra named tensors, e.g. a training head) and metadata into `dir`. */
export async function saveVerifier(dir: string, weights: Record<string, tf.Tensor>, meta: VerifierMetadata): Promise<void> {
  const { data, specs } = await tf.io.encodeWeights(weights);
  const bytes = new Uint8Array(data);
  const model: ModelFile = {
    format: VERIFIER_FORMAT,
    version: VERIFIER_FORMAT_VERSION,
    ...meta,
    weightsFile: WEIGHTS_FILE,
    sha256: sha256(bytes),
    weightSpecs: specs,
  };
  await mkdir(dir, { recursive: true });
  // Weights first, then the model file that vouches for them: a crash in between leaves the old pair readable or none.
  await writeFileAtomic(path.join(dir, WEIGHTS_FILE), bytes);
  await writeFileAtomic(path.join(dir, MODEL_FILE), `${JSON.stringify(model, null, 1)}\n`);
}

async function readOrFail(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (e) {
    throw new VoiceCloneError('FILE_NOT_FOUND', `Speaker-verifier file not found: ${file}`, { cause: e });
  }
}

/**
 * Reads model.json and weights.bin from `dir` and returns every stored tensor as a variable (the model's weights
 * checked against the config's shapes; extra tensors, such as a training head, come back in `extra`).
 */
export async function loadVerifierFiles(dir: string): Promise<LoadedVerifier & { extra: Record<string, tf.Variable> }> {
  const modelPath = path.join(dir, MODEL_FILE);
  let model: ModelFile;
  try {
    model = JSON.parse((await readOrFail(modelPath)).toString('utf8')) as ModelFile;
  } catch (e) {
    if (e instanceof VoiceCloneError) throw e;
    throw new VoiceCloneError('BAD_ARGUMENT', `${modelPath} is not valid JSON.`, { cause: e });
  }
  if (model.format !== VERIFIER_FORMAT || model.version !== VERIFIER_FORMAT_VERSION) {
    throw new VoiceCloneError(
      'BAD_ARGUMENT',
      `${modelPath} is not a version ${VERIFIER_FORMAT_VERSION} speaker-verifier file (found ${model.format ?? 'no format'} version ${model.version ?? '?'}).`,
    );
  }
  const bytes = await readOrFail(path.join(dir, model.weightsFile));
  if (sha256(bytes) !== model.sha256) {
    throw new VoiceCloneError('TRUNCATED', `${path.join(dir, model.weightsFile)} does not match the checksum in ${MODEL_FILE}; the weights are damaged.`);
  }
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const tensors = tf.io.decodeWeights(buffer, model.weightSpecs);
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
  return { config: model.config, calibration: model.calibration, training: model.training, weights, projection, extra };
}
