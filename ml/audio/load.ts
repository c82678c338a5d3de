// The one entry point for reading user audio: decode, validate, mix to mono, resample to SAMPLE_RATE, remove DC,
// check for speech, then trim silence and normalize loudness. Problems a person should know about come back as warnings.

import { basename } from 'node:path';
import { VoiceCloneError } from '../errors';
import { LIMITS, SAMPLE_RATE } from './config';
import { decodeAudioBytes, decodeAudioFile } from './decode';
import { clippingRatio, noiseFloorDbfs } from './levels';
import { activeLevelDbfs, normalizeLoudness } from './loudness';
import { resample, toMono } from './resample';
import type { DecodedAudio, MonoAudio } from './types';
import { speechSeconds, trimSilence } from './vad';

export type AudioWarningCode = 'CLIPPING' | 'NOISY' | 'QUIET' | 'SHORT';

export interface AudioWarning {
  code: AudioWarningCode;
  /** One line a person can act on. */
  message: string;
}

export interface LoadOptions {
  /** Cut leading and trailing silence (default true). */
  trim?: boolean;
  /** Normalize the active speech level to `targetDbfs` (default true). */
  normalize?: boolean;
  /** Loudness target for `normalize`, dBFS (default -23). */
  targetDbfs?: number;
}

export interface LoadedClip {
  /** Mono at SAMPLE_RATE, DC removed, trimmed and normalized as asked. */
  audio: MonoAudio;
  /** Seconds of speech found. */
  speechSeconds: number;
  warnings: AudioWarning[];
}

/** Warn when more than this share of samples sits at full scale. */
const CLIPPING_RATIO = 0.001;
/** Warn when speech is less than this far above the background noise (dB). */
const NOISY_SNR_DB = 20;
/** Warn when the active speech level is below this (dBFS). */
const QUIET_DBFS = -40;
/** Warn when there is less speech than this (seconds). */
const SHORT_SPEECH_SECONDS = 3;
/** Corner of the DC-blocking high-pass (Hz): far below any voice's F0. */
const DC_CUTOFF_HZ = 20;

/** One-pole DC blocker: y[n] = x[n] - x[n-1] + r·y[n-1]. */
function removeDcOffset(samples: Float32Array, sampleRate: number): Float32Array {
  const r = Math.exp((-2 * Math.PI * DC_CUTOFF_HZ) / sampleRate);
  const out = new Float32Array(samples.length);
  let prevIn = samples[0] ?? 0; // start settled on the first sample, not on a step from zero
  let prevOut = 0;
  for (let i = 0; i < samples.length; i++) {
    prevOut = samples[i] - prevIn + r * prevOut;
    prevIn = samples[i];
    out[i] = prevOut;
  }
  return out;
}

function collectWarnings(decoded: DecodedAudio, audio: MonoAudio, speech: number): AudioWarning[] {
  const warnings: AudioWarning[] = [];
  const clipped = Math.max(...decoded.channels.map((c) => clippingRatio({ samples: c, sampleRate: decoded.sampleRate })));
  if (clipped > CLIPPING_RATIO) {
    warnings.push({
      code: 'CLIPPING',
      message: `${(clipped * 100).toFixed(2)} % of samples are clipped at full scale; record with less gain.`,
    });
  }
  const active = activeLevelDbfs(audio);
  const snr = active - noiseFloorDbfs(audio);
  if (snr < NOISY_SNR_DB) {
    warnings.push({
      code: 'NOISY',
      message: `Speech is only ${snr.toFixed(1)} dB above the background noise; record somewhere quieter.`,
    });
  }
  if (active < QUIET_DBFS) {
    warnings.push({ code: 'QUIET', message: `Speech is very quiet (${active.toFixed(1)} dBFS); record closer to the microphone.` });
  }
  if (speech >= LIMITS.minSpeechSeconds && speech < SHORT_SPEECH_SECONDS) {
    warnings.push({
      code: 'SHORT',
      message: `Only ${speech.toFixed(1)} s of speech; ${SHORT_SPEECH_SECONDS} s or more gives a better voice.`,
    });
  }
  return warnings;
}

export interface InspectedClip {
  /** Mono at SAMPLE_RATE with DC removed; neither trimmed nor normalized. */
  audio: MonoAudio;
  speechSeconds: number;
  warnings: AudioWarning[];
  /** Why the clip cannot be cloned from (no speech, too little), or null when it can. */
  unusable: VoiceCloneError | null;
}

/** Converts decoded audio to the pipeline's mono SAMPLE_RATE form and measures it; `name` labels errors. */
export function inspectClip(decoded: DecodedAudio, name: string): InspectedClip {
  const frames = decoded.channels[0]?.length ?? 0;
  if (frames === 0) throw new VoiceCloneError('EMPTY_FILE', `${name} contains no audio samples.`);
  const duration = frames / decoded.sampleRate;
  if (duration > LIMITS.maxSeconds) {
    throw new VoiceCloneError('TOO_LONG', `${name} is ${duration.toFixed(1)} s long; the limit is ${LIMITS.maxSeconds} s.`);
  }
  const mono = resample(toMono(decoded.channels), decoded.sampleRate, SAMPLE_RATE);
  const audio: MonoAudio = { samples: removeDcOffset(mono, SAMPLE_RATE), sampleRate: SAMPLE_RATE };
  const speech = speechSeconds(audio);
  let unusable: VoiceCloneError | null = null;
  if (speech === 0) {
    unusable = new VoiceCloneError('SILENCE_ONLY', `${name} contains no speech: it is silent or only background noise.`);
  } else if (speech < LIMITS.minSpeechSeconds) {
    unusable = new VoiceCloneError(
      'TOO_SHORT',
      `${name} has only ${speech.toFixed(2)} s of speech; at least ${LIMITS.minSpeechSeconds} s is needed.`,
    );
  }
  return { audio, speechSeconds: speech, warnings: collectWarnings(decoded, audio, speech), unusable };
}

/** Validates decoded audio and turns it into the pipeline's mono SAMPLE_RATE clip; `name` labels errors. */
export function prepareClip(decoded: DecodedAudio, name: string, opts: LoadOptions = {}): LoadedClip {
  const clip = inspectClip(decoded, name);
  if (clip.unusable) throw clip.unusable;
  let audio = clip.audio;
  if (opts.trim ?? true) audio = trimSilence(audio);
  if (opts.normalize ?? true) audio = normalizeLoudness(audio, opts.targetDbfs);
  return { audio, speechSeconds: clip.speechSeconds, warnings: clip.warnings };
}

/** Reads a user recording from disk, ready for the models. */
export async function loadClip(path: string, opts: LoadOptions = {}): Promise<LoadedClip> {
  const decoded = await decodeAudioFile(path, { maxSeconds: LIMITS.maxSeconds });
  return prepareClip(decoded, basename(path), opts);
}

/** Reads a user recording held in memory (e.g. dropped into the app), ready for the models. */
export async function loadClipFromBytes(bytes: Uint8Array, name: string, opts: LoadOptions = {}): Promise<LoadedClip> {
  const decoded = await decodeAudioBytes(bytes, name, { maxSeconds: LIMITS.maxSeconds });
  return prepareClip(decoded, name, opts);
}
