// Speaker-verifier inference: an utterance's embedding is the renormalized mean of the embeddings of its sliding
// 1.6 s windows (50 % overlap, the last one aligned to the end), mapped by WCCN when the weights carry it.

import { logMel, type LogMel } from '../../audio/mel';
import type { MonoAudio } from '../../audio/types';
import { initBackend, tf } from '../../backend';
import { VoiceCloneError } from '../../errors';
import { prepareSpeech, readSpeech } from './input';
import { verifierForward, WINDOW_FRAMES, WINDOW_HOP_FRAMES } from './model';
import { DEFAULT_VERIFIER_DIR, loadVerifierFiles, type LoadedVerifier } from './weights';
import type { SpeakerPrint } from './score';
import { applyProjection } from './wccn';

/** Windows scored per forward pass. */
const BATCH_WINDOWS = 64;

/** Loads verifier weights (the shipped ones by default) after starting the tfjs backend. */
export async function loadVerifier(dir = DEFAULT_VERIFIER_DIR): Promise<LoadedVerifier> {
  await initBackend();
  const loaded = await loadVerifierFiles(dir);
  Object.values(loaded.extra).forEach((t) => t.dispose());
  const { extra: _, ...verifier } = loaded;
  return verifier;
}

/** Start frames of the scoring windows of a clip: every hop, plus one ending at the last frame; one window if short. */
export function windowStarts(frames: number): number[] {
  if (frames <= WINDOW_FRAMES) return [0];
  const starts: number[] = [];
  for (let s = 0; s + WINDOW_FRAMES <= frames; s += WINDOW_HOP_FRAMES) starts.push(s);
  if (starts[starts.length - 1] + WINDOW_FRAMES < frames) starts.push(frames - WINDOW_FRAMES);
  return starts;
}

function normalize(v: Float32Array): Float32Array {
  const n = Math.hypot(...v);
  return n === 0 ? v : v.map((x) => x / n);
}

/** Embeds log-mels (one per utterance) into unit vectors, batching windows of equal length across utterances. */
export function embedMels(verifier: LoadedVerifier, mels: readonly LogMel[]): Float32Array[] {
  const dim = verifier.config.embeddingDim;
  const sums = mels.map(() => new Float32Array(dim));
  // Group windows by length: full windows batch together; a clip shorter than a window is its own batch.
  const groups = new Map<number, Array<{ utt: number; start: number }>>();
  mels.forEach((mel, utt) => {
    if (mel.nMels !== verifier.config.nMels) {
      throw new VoiceCloneError('BAD_ARGUMENT', `Log-mel has ${mel.nMels} bands; the verifier needs ${verifier.config.nMels}.`);
    }
    const len = Math.min(mel.frames, WINDOW_FRAMES);
    const list = groups.get(len) ?? [];
    groups.set(len, list);
    for (const start of windowStarts(mel.frames)) list.push({ utt, start });
  });
  for (const [len, windows] of groups) {
    for (let i = 0; i < windows.length; i += BATCH_WINDOWS) {
      const chunk = windows.slice(i, i + BATCH_WINDOWS);
      const n = verifier.config.nMels;
      const x = new Float32Array(chunk.length * len * n);
      chunk.forEach(({ utt, start }, k) => x.set(mels[utt].data.subarray(start * n, (start + len) * n), k * len * n));
      const out = tf.tidy(() => verifierForward(verifier.weights, tf.tensor3d(x, [chunk.length, len, n]), verifier.config).dataSync());
      chunk.forEach(({ utt }, k) => {
        for (let d = 0; d < dim; d++) sums[utt][d] += out[k * dim + d];
      });
    }
  }
  return sums.map((sum) => (verifier.projection ? applyProjection(verifier.projection, normalize(sum)) : normalize(sum)));
}

/** Embedding and seconds of speech already in the verifier's input form. */
function printSpeech(verifier: LoadedVerifier, speech: MonoAudio): SpeakerPrint {
  return { embedding: embedMels(verifier, [logMel(speech)])[0], seconds: speech.samples.length / speech.sampleRate };
}

/** Embedding and seconds of speech of one recording (any rate; silence at the ends is trimmed; needs half a second of speech). */
export function printAudio(verifier: LoadedVerifier, audio: MonoAudio): SpeakerPrint {
  return printSpeech(verifier, prepareSpeech(audio));
}

/** Embedding and seconds of speech of an audio file. */
export async function printFile(verifier: LoadedVerifier, file: string): Promise<SpeakerPrint> {
  return printSpeech(verifier, await readSpeech(file));
}

/** Embedding of one recording. */
export function embedAudio(verifier: LoadedVerifier, audio: MonoAudio): Float32Array {
  return printAudio(verifier, audio).embedding;
}

/** Embedding of an audio file. */
export async function embedFile(verifier: LoadedVerifier, file: string): Promise<Float32Array> {
  return (await printFile(verifier, file)).embedding;
}
