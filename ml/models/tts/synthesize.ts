// Speech from text with the TTS model: sentences → phoneme tokens → durations → log-mel → postfilter → Griffin-Lim audio.
// Long text is split into sentences and yielded one by one, so the first audio is ready before the rest is done.

import { tf } from '../../backend';
import { concatSamples } from '../../audio/concat';
import { melToAudio } from '../../audio/griffinlim';
import type { LogMel } from '../../audio/mel';
import type { MonoAudio } from '../../audio/types';
import { VoiceCloneError } from '../../errors';
import { textToPhonemes } from '../../text/g2p';
import { splitSentences } from '../../text/normalize';
import { decodeMel, denormalizeMel, encodeText, expansion } from './model';
import { sharpenMel } from './postfilter';
import { toTtsTokens, type TtsTokens } from './tokens';
import type { LoadedTts } from './weights';

export interface SynthesisOptions {
  /** Speaking-rate factor: 1 as trained, 1.2 is 20 % faster. */
  speed?: number;
  /** Griffin-Lim iterations (more: fewer phase artefacts, slower). */
  iterations?: number;
  /** Mel postfilter factor (see ./postfilter): 1 leaves the model's output as it is. */
  sharpen?: number;
  /** Weights overriding the model's (whole-model adaptation), by name. */
  overrides?: Record<string, tf.Tensor>;
}

/**
 * Griffin-Lim iterations by default. On 15 held-out VCC2016 eval sentences (not the Harvard test set), with the
 * postfilter below, pocketsphinx WER with 10–16 iterations was no worse than with 32 (synth-rms 43.8–44.4 % against
 * 44.4 %, vcc-sm1 33.3–34.0 % against 37.7 %), at a third of the time.
 */
export const DEFAULT_GL_ITERATIONS = 12;
/**
 * Mel postfilter factor by default. Chosen on 15 VCC2016 eval sentences (held out of TTS training, not the Harvard
 * test sentences): pocketsphinx WER fell from 46.9 / 53.1 / 51.9 % (vcc-sm1, synth-rms, vcc-sf1, no postfilter) to
 * 39.5 / 43.8 / 43.2 % at 1.25 and 38.9 / 42.0 / 36.4 % at 1.5, and rose again at 1.75 (44.4 / 48.8 %).
 */
export const DEFAULT_MEL_SHARPENING = 1.5;
/** Silence between sentences, seconds. */
const SENTENCE_GAP = 0.25;

/** The speaker vector of a built-in voice id. */
export function builtinSpeaker(tts: LoadedTts, voiceId: string): Float32Array {
  const voice = tts.builtinVoices.find((v) => v.id === voiceId);
  if (!voice) throw new VoiceCloneError('BAD_ARGUMENT', `No built-in voice "${voiceId}".`);
  return tf.tidy(() => tf.slice(tts.weights.speakerTable, [voice.row, 0], [1, -1]).dataSync() as Float32Array);
}

/** Frames per token from predicted log durations, scaled by 1/speed, each at least 1 (edge tokens may reach 0). */
export function durationsFromLog(logDurations: Float32Array, length: number, speed: number): Int32Array {
  const d = new Int32Array(length);
  for (let i = 0; i < length; i++) {
    const frames = Math.round(Math.exp(logDurations[i]) / speed);
    d[i] = Math.max(i === 0 || i === length - 1 ? 0 : 1, Math.min(frames, 80));
  }
  return d;
}

/** Log-mel for one utterance's tokens spoken by `speaker` (a vector in the model's speaker space), postfiltered. */
export function tokensToMel(tts: LoadedTts, tokens: TtsTokens, speaker: Float32Array, opts: SynthesisOptions = {}): LogMel {
  const cfg = tts.config;
  if (speaker.length !== cfg.speakerDim) {
    throw new VoiceCloneError('BAD_ARGUMENT', `Speaker vector has ${speaker.length} values; the model needs ${cfg.speakerDim}.`);
  }
  const weights = opts.overrides ? { ...tts.weights, ...opts.overrides } : tts.weights;
  const n = tokens.ids.length;
  const raw = tf.tidy(() => {
    const spk = tf.tensor2d(speaker, [1, cfg.speakerDim]);
    const enc = encodeText(weights as typeof tts.weights, cfg, tf.tensor2d(tokens.ids, [1, n], 'int32'), tf.tensor2d(tokens.modifiers, [1, n], 'int32'), tf.ones([1, n]), spk);
    const durations = durationsFromLog(enc.logDurations.dataSync() as Float32Array, n, opts.speed ?? 1);
    const ex = expansion([durations], n, cfg.framesPerStep);
    const out = decodeMel(weights as typeof tts.weights, cfg, enc, ex, spk);
    const mel = denormalizeMel(weights as typeof tts.weights, out.mel);
    const frames = durations.reduce((a, b) => a + b, 0);
    return { frames, nMels: cfg.nMels, data: (mel.dataSync() as Float32Array).slice(0, frames * cfg.nMels) };
  });
  return sharpenMel(raw, opts.sharpen ?? DEFAULT_MEL_SHARPENING);
}

export interface SpokenSentence {
  index: number;
  sentence: string;
  audio: MonoAudio;
}

/** Speaks `text` sentence by sentence; throws TEXT_INVALID when nothing in it can be spoken. */
export async function* speakSentences(tts: LoadedTts, text: string, speaker: Float32Array, opts: SynthesisOptions = {}): AsyncGenerator<SpokenSentence> {
  if (typeof text !== 'string' || text.trim() === '') throw new VoiceCloneError('TEXT_INVALID', 'The text is empty: type some words to speak.');
  const sentences = splitSentences(text);
  let spoken = 0;
  for (const [index, sentence] of sentences.entries()) {
    let ids: Int32Array;
    try {
      ids = (await textToPhonemes(sentence)).ids;
    } catch (e) {
      // A sentence of only symbols is skipped; the whole text failing is reported below.
      if (e instanceof VoiceCloneError && e.code === 'TEXT_INVALID') continue;
      throw e;
    }
    const mel = tokensToMel(tts, toTtsTokens(ids), speaker, opts);
    yield { index, sentence, audio: melToAudio(mel, undefined, opts.iterations ?? DEFAULT_GL_ITERATIONS) };
    spoken++;
  }
  if (spoken === 0) throw new VoiceCloneError('TEXT_INVALID', 'The text has nothing speakable in it (no letters or digits).');
}

/** Speaks the whole text into one clip, sentences separated by a short pause. */
export async function speak(tts: LoadedTts, text: string, speaker: Float32Array, opts: SynthesisOptions = {}): Promise<MonoAudio> {
  const parts: Float32Array[] = [];
  let sampleRate = 0;
  for await (const s of speakSentences(tts, text, speaker, opts)) {
    sampleRate = s.audio.sampleRate;
    if (parts.length > 0) parts.push(new Float32Array(Math.round(SENTENCE_GAP * sampleRate)));
    parts.push(s.audio.samples);
  }
  return { samples: concatSamples(parts), sampleRate };
}
