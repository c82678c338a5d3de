// The models cloning and synthesis need, loaded once and lazily: the TTS model, the speaker encoder and the verifier.
// Each loads on first use, so opening the app or listing voices never waits for a model it does not need.

import { initBackend } from '../backend';
import { DEFAULT_ENCODER_DIR, loadEncoder, type LoadedEncoder } from '../models/encoder/weights';
import { DEFAULT_TTS_DIR, loadTts, type LoadedTts } from '../models/tts/weights';
import { loadVerifier } from '../models/verifier/embed';
import type { LoadedVerifier } from '../models/verifier/weights';
import { DEFAULT_VERIFIER_DIR } from '../models/verifier/weights';
import { VoiceCloneError } from '../errors';

export interface ModelDirs {
  tts?: string;
  encoder?: string;
  verifier?: string;
}

export interface Models {
  tts(): Promise<LoadedTts>;
  encoder(): Promise<LoadedEncoder>;
  verifier(): Promise<LoadedVerifier>;
}

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined;
  return () => {
    p ??= load().catch((e: unknown) => {
      p = undefined; // a failed load (missing file) may succeed later
      throw e;
    });
    return p;
  };
}

/** Lazy loaders for the shipped models (or the given folders); the compute backend starts with the first. */
export function lazyModels(dirs: ModelDirs = {}): Models {
  const tts = once(async () => {
    await initBackend();
    return loadTts(dirs.tts ?? DEFAULT_TTS_DIR);
  });
  return {
    tts,
    encoder: once(async () => {
      await initBackend();
      const [encoder, model] = await Promise.all([loadEncoder(dirs.encoder ?? DEFAULT_ENCODER_DIR), tts()]);
      if (encoder.ttsModelVersion !== model.modelVersion) {
        throw new VoiceCloneError('BAD_ARGUMENT', `The speaker encoder was trained for TTS model ${encoder.ttsModelVersion}, but the TTS model is ${model.modelVersion}.`);
      }
      return encoder;
    }),
    verifier: once(async () => {
      await initBackend();
      return loadVerifier(dirs.verifier ?? DEFAULT_VERIFIER_DIR);
    }),
  };
}
