// Saving and loading the TTS model: its config, speaker list and built-in voices in model.json, tensors in
// weights.bin (ml/models/tensor-file). Shapes are checked against the config; extra tensors (optimizer state) come back apart.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tf } from '../../backend';
import { VoiceCloneError } from '../../errors';
import { loadTensorFile, saveTensorFile } from '../tensor-file';
import { FIXED_WEIGHTS, ttsWeightShapes, type TtsConfig, type TtsWeights } from './model';
import type { TtsSpeaker } from './dataset';

export const TTS_FORMAT = 'voiceclone-multispeaker-tts';
export const TTS_FORMAT_VERSION = 1;

/** The shipped model: assets/tts in the repository. */
export const DEFAULT_TTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../assets/tts');

/** A training speaker offered as a ready voice, by its row in the speaker table. */
export interface BuiltinVoice {
  id: string;
  name: string;
  row: number;
}

export interface TtsMetadata {
  /** Identifies the weights a cloned voice was made for (changes whenever the model is retrained). */
  modelVersion: string;
  inventory: string;
  config: TtsConfig;
  speakers: TtsSpeaker[];
  builtinVoices: BuiltinVoice[];
  training: Record<string, unknown>;
}

export interface LoadedTts extends TtsMetadata {
  weights: TtsWeights;
  extra: Record<string, tf.Variable>;
}

export async function saveTts(dir: string, tensors: Record<string, tf.Tensor>, meta: TtsMetadata): Promise<number> {
  return saveTensorFile(dir, TTS_FORMAT, TTS_FORMAT_VERSION, tensors, meta);
}

/** Reads a TTS model (or checkpoint) from `dir`; every config weight must be present with its shape. */
export async function loadTts(dir: string = DEFAULT_TTS_DIR): Promise<LoadedTts> {
  const { meta, tensors } = await loadTensorFile<TtsMetadata>(dir, TTS_FORMAT, TTS_FORMAT_VERSION, 'TTS model');
  const expected = new Map(ttsWeightShapes(meta.config));
  for (const [name, shape] of expected) {
    const t = tensors[name];
    if (!t || t.shape.join('x') !== shape.join('x')) {
      throw new VoiceCloneError('BAD_ARGUMENT', `${dir}: TTS weight "${name}" is missing or has the wrong shape (want ${shape.join('×')}).`);
    }
  }
  const weights: TtsWeights = {};
  const extra: Record<string, tf.Variable> = {};
  for (const [name, t] of Object.entries(tensors)) {
    (expected.has(name) ? weights : extra)[name] = tf.variable(t, !(FIXED_WEIGHTS as readonly string[]).includes(name));
    t.dispose();
  }
  return { ...meta, weights, extra };
}
