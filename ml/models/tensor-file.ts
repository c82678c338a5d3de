// Saving and loading a model's named tensors: model.json (format, version, free metadata, tfjs weight specs, SHA-256)
// next to weights.bin (tfjs's weight encoding). Wrong format, version or checksum is refused with a readable error.

import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { tf } from '../backend';
import { VoiceCloneError } from '../errors';
import { writeFileAtomic } from '../files';

export const MODEL_FILE = 'model.json';
export const WEIGHTS_FILE = 'weights.bin';

interface ModelFile<M> {
  format: string;
  version: number;
  meta: M;
  weightsFile: string;
  sha256: string;
  weightSpecs: tf.io.WeightsManifestEntry[];
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Writes `tensors` and `meta` into `dir` as one model of the given format and version. */
export async function saveTensorFile<M>(dir: string, format: string, version: number, tensors: Record<string, tf.Tensor>, meta: M): Promise<number> {
  const { data, specs } = await tf.io.encodeWeights(tensors);
  const bytes = new Uint8Array(data);
  const model: ModelFile<M> = { format, version, meta, weightsFile: WEIGHTS_FILE, sha256: sha256(bytes), weightSpecs: specs };
  await mkdir(dir, { recursive: true });
  // Weights first, then the model file that vouches for them: a crash in between leaves the old pair readable or none.
  await writeFileAtomic(path.join(dir, WEIGHTS_FILE), bytes);
  await writeFileAtomic(path.join(dir, MODEL_FILE), `${JSON.stringify(model, null, 1)}\n`);
  return bytes.byteLength;
}

async function readOrFail(file: string, what: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (e) {
    throw new VoiceCloneError('FILE_NOT_FOUND', `${what} file not found: ${file}`, { cause: e });
  }
}

/** Reads a model saved by saveTensorFile; `what` names it in errors ("Speaker-verifier", "TTS model"). */
export async function loadTensorFile<M>(dir: string, format: string, version: number, what: string): Promise<{ meta: M; tensors: tf.NamedTensorMap; sha256: string }> {
  const modelPath = path.join(dir, MODEL_FILE);
  let model: ModelFile<M>;
  try {
    model = JSON.parse((await readOrFail(modelPath, what)).toString('utf8')) as ModelFile<M>;
  } catch (e) {
    if (e instanceof VoiceCloneError) throw e;
    throw new VoiceCloneError('BAD_ARGUMENT', `${modelPath} is not valid JSON.`, { cause: e });
  }
  if (model.format !== format || model.version !== version) {
    throw new VoiceCloneError(
      'BAD_ARGUMENT',
      `${modelPath} is not a version ${version} ${what} file (found ${model.format ?? 'no format'} version ${model.version ?? '?'}).`,
    );
  }
  const bytes = await readOrFail(path.join(dir, model.weightsFile), what);
  if (sha256(bytes) !== model.sha256) {
    throw new VoiceCloneError('TRUNCATED', `${path.join(dir, model.weightsFile)} does not match the checksum in ${MODEL_FILE}; the weights are damaged.`);
  }
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return { meta: model.meta, tensors: tf.io.decodeWeights(buffer, model.weightSpecs), sha256: model.sha256 };
}
