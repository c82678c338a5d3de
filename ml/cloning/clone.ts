// Cloning a voice from a person's clips by one of the paper's methods: speaker encoding (the encoder infers the
// embedding) or speaker adaptation (embedding only, or the model's speaker layers too). Returns what the library stores.

import { hasSpectrumMatch } from '../api';
import { logMel } from '../audio/mel';
import type { MonoAudio } from '../audio/types';
import { VoiceCloneError } from '../errors';
import { encodeSpeaker } from '../models/encoder/encode';
import { adaptVoice, type AdaptProgress } from './adapt';
import type { CloneMethod, NamedTensor } from './library/types';
import type { Models } from './models';
import { SPECTRUM_WEIGHT, spectrumOffset, spectrumOverride } from './spectrum';

export interface CloneClip {
  /** Mono, SAMPLE_RATE, trimmed and normalized (ml/audio/load). */
  audio: MonoAudio;
  text: string;
}

export interface CloneOptions {
  signal?: AbortSignal;
  onProgress?: (p: AdaptProgress) => void;
  /** Adaptation steps at most (default per method, see ml/cloning/adapt). */
  steps?: number;
}

export interface ClonedVoice {
  method: CloneMethod;
  embedding: Float32Array;
  adapter: Record<string, NamedTensor> | null;
  ttsModel: string;
  /** Measured: cloneSeconds, clips, and for adaptation steps and heldOutLoss. */
  figures: Record<string, number>;
}

/** Clones a voice from clips; CANCELLED when the signal aborts (nothing is returned then). */
export async function cloneVoice(models: Models, clips: readonly CloneClip[], method: CloneMethod, opts: CloneOptions = {}): Promise<ClonedVoice> {
  if (clips.length === 0) throw new VoiceCloneError('BAD_ARGUMENT', 'Cloning needs at least one clip.');
  const t0 = performance.now();
  const tts = await models.tts();
  const figures: Record<string, number> = { clips: clips.length };
  let embedding: Float32Array;
  let adapter: Record<string, NamedTensor> | null = null;
  // The encoder and the spectrum match both read the clips' log-mels.
  const mels = clips.map((c) => logMel(c.audio));
  if (method === 'encode') {
    opts.onProgress?.({ stage: 'Encoding the voice', step: 0, total: 1, loss: null, secondsLeft: null });
    embedding = encodeSpeaker(await models.encoder(), mels);
    opts.onProgress?.({ stage: 'Encoding the voice', step: 1, total: 1, loss: null, secondsLeft: 0 });
  } else {
    // Adaptation starts from the encoder's estimate when an encoder is available (faster to converge).
    let init: Float32Array | undefined;
    try {
      init = encodeSpeaker(await models.encoder(), mels);
    } catch (e) {
      if (!(e instanceof VoiceCloneError) || !['FILE_NOT_FOUND', 'BAD_ARGUMENT'].includes(e.code)) throw e;
    }
    const result = await adaptVoice(tts, clips, { method, init, steps: opts.steps, signal: opts.signal, onProgress: opts.onProgress });
    embedding = result.embedding;
    adapter = result.adapter;
    figures.steps = result.steps;
    if (result.heldOutLoss !== null) figures.heldOutLoss = result.heldOutLoss;
  }
  if (hasSpectrumMatch(method)) {
    opts.onProgress?.({ stage: 'Matching the long-term spectrum', step: 0, total: 1, loss: null, secondsLeft: null });
    adapter = { [SPECTRUM_WEIGHT]: spectrumOverride(tts, await spectrumOffset(tts, mels, embedding)) };
  }
  if (opts.signal?.aborted) throw new VoiceCloneError('CANCELLED', 'Cloning was cancelled; nothing was saved.');
  figures.cloneSeconds = (performance.now() - t0) / 1000;
  return { method, embedding, adapter, ttsModel: tts.modelVersion, figures };
}

/** Bytes a voice's model data takes: float32 embedding plus every adapter tensor (its clips aside). */
export function voiceBytes(voice: Pick<ClonedVoice, 'embedding' | 'adapter'>): number {
  const adapter = Object.values(voice.adapter ?? {}).reduce((s, t) => s + t.data.length * 4, 0);
  return voice.embedding.length * 4 + adapter;
}
