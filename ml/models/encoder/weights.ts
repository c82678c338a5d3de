// Saving and loading the speaker encoder (ml/models/tensor-file): config and the TTS model version whose speaker
// space it predicts in model.json, tensors in weights.bin.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tf } from '../../backend';
import { VoiceCloneError } from '../../errors';
import { loadTensorFile, saveTensorFile } from '../tensor-file';
import { ENCODER_FIXED_WEIGHTS, encoderWeightShapes, type EncoderConfig, type EncoderWeights } from './model';

export const ENCODER_FORMAT = 'voiceclone-speaker-encoder';
export const ENCODER_FORMAT_VERSION = 1;
export const DEFAULT_ENCODER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../assets/encoder');

export interface EncoderMetadata {
  config: EncoderConfig;
  /** The TTS model whose speaker vectors this encoder predicts. */
  ttsModelVersion: string;
  training: Record<string, unknown>;
}

export interface LoadedEncoder extends EncoderMetadata {
  weights: EncoderWeights;
  /** Checksum of the weights file: tells two encoders apart even at the same training step. */
  sha256: string;
}

export async function saveEncoder(dir: string, weights: EncoderWeights, meta: EncoderMetadata): Promise<number> {
  return saveTensorFile(dir, ENCODER_FORMAT, ENCODER_FORMAT_VERSION, weights, meta);
}

export async function loadEncoder(dir: string = DEFAULT_ENCODER_DIR): Promise<LoadedEncoder> {
  const { meta, tensors, sha256 } = await loadTensorFile<EncoderMetadata>(dir, ENCODER_FORMAT, ENCODER_FORMAT_VERSION, 'speaker-encoder');
  const weights: EncoderWeights = {};
  for (const [name, shape] of encoderWeightShapes(meta.config)) {
    const t = tensors[name];
    if (!t || t.shape.join('x') !== shape.join('x')) {
      throw new VoiceCloneError('BAD_ARGUMENT', `${dir}: encoder weight "${name}" is missing or has the wrong shape (want ${shape.join('×')}).`);
    }
    weights[name] = tf.variable(t, !(ENCODER_FIXED_WEIGHTS as readonly string[]).includes(name));
    t.dispose();
  }
  return { ...meta, weights, sha256 };
}
