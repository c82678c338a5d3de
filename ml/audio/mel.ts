// Log-mel spectrogram in plain JavaScript for inference and feature caching (the MEL layout of config.ts).
// Slaney mel scale and area-normalized triangles as librosa.filters.mel; natural log of mel magnitude + floor.

import { VoiceCloneError } from '../errors';
import { MEL, type MelConfig } from './config';
import { stftMagnitude } from './fft';
import type { MonoAudio } from './types';

/** A mel layout with the fields of MEL but any values (MEL itself is the one the models use). */
export type MelParams = { readonly [K in keyof MelConfig]: number };

/** Log-mel spectrogram, row-major [frames × nMels]. */
export interface LogMel {
  frames: number;
  nMels: number;
  data: Float32Array;
}

const F_SP = 200 / 3;
const MIN_LOG_HZ = 1000;
const MIN_LOG_MEL = MIN_LOG_HZ / F_SP;
const LOG_STEP = Math.log(6.4) / 27;

/** Hz → mel on the Slaney scale (linear below 1 kHz, logarithmic above). */
export function hzToMel(hz: number): number {
  return hz < MIN_LOG_HZ ? hz / F_SP : MIN_LOG_MEL + Math.log(hz / MIN_LOG_HZ) / LOG_STEP;
}

/** Mel → Hz on the Slaney scale. */
export function melToHz(mel: number): number {
  return mel < MIN_LOG_MEL ? mel * F_SP : MIN_LOG_HZ * Math.exp(LOG_STEP * (mel - MIN_LOG_MEL));
}

/** Checks a mel layout and returns the number of STFT bins (nFft/2 + 1). */
export function checkMelParams(cfg: MelParams): number {
  const { sampleRate, nFft, nMels, fMin, fMax, logFloor } = cfg;
  if (!Number.isInteger(nFft) || nFft < 16 || (nFft & (nFft - 1)) !== 0) {
    throw new VoiceCloneError('BAD_ARGUMENT', `Mel nFft must be a power of two of at least 16, not ${nFft}.`);
  }
  if (!Number.isInteger(nMels) || nMels < 1) {
    throw new VoiceCloneError('BAD_ARGUMENT', `Number of mel bands must be a positive integer, not ${nMels}.`);
  }
  if (!(sampleRate > 0 && fMin >= 0 && fMax > fMin && fMax <= sampleRate / 2)) {
    throw new VoiceCloneError('BAD_ARGUMENT', `Mel range must satisfy 0 ≤ fMin < fMax ≤ sampleRate/2, got ${fMin}–${fMax} Hz at ${sampleRate} Hz.`);
  }
  if (!(logFloor > 0)) throw new VoiceCloneError('BAD_ARGUMENT', `Log floor must be positive, not ${logFloor}.`);
  return nFft / 2 + 1;
}

/** The nMels + 2 frequencies (Hz) equally spaced in mel from fMin to fMax: band m rises from edge m to its peak at m + 1. */
function melEdgesHz(cfg: MelParams): number[] {
  const melMin = hzToMel(cfg.fMin);
  const melMax = hzToMel(cfg.fMax);
  return Array.from({ length: cfg.nMels + 2 }, (_, i) => melToHz(melMin + ((melMax - melMin) * i) / (cfg.nMels + 1)));
}

/** Each mel band's centre frequency (Hz), where its triangle peaks. */
export function melBandCentersHz(cfg: MelParams = MEL): number[] {
  checkMelParams(cfg);
  return melEdgesHz(cfg).slice(1, -1);
}

/** Mel filterbank, row-major [nMels × (nFft/2 + 1)]: Slaney mel scale, each triangle normalized to unit area in Hz. */
export function melFilterbank(cfg: MelParams = MEL): Float32Array {
  const bins = checkMelParams(cfg);
  const { sampleRate, nFft, nMels } = cfg;
  const edges = melEdgesHz(cfg);
  const fb = new Float32Array(nMels * bins);
  for (let m = 0; m < nMels; m++) {
    const [lo, mid, hi] = [edges[m], edges[m + 1], edges[m + 2]];
    const norm = 2 / (hi - lo);
    for (let k = 0; k < bins; k++) {
      const f = (k * sampleRate) / nFft;
      const w = Math.min((f - lo) / (mid - lo), (hi - f) / (hi - mid));
      if (w > 0) fb[m * bins + k] = w * norm;
    }
  }
  return fb;
}

/** Half-open bin range [start, end) where each filterbank row is non-zero (empty rows give start = end). */
export function filterSupport(fb: Float32Array, nMels: number): Array<{ start: number; end: number }> {
  const bins = fb.length / nMels;
  return Array.from({ length: nMels }, (_, m) => {
    let start = 0;
    while (start < bins && fb[m * bins + start] === 0) start++;
    let end = bins;
    while (end > start && fb[m * bins + end - 1] === 0) end--;
    return { start, end };
  });
}

function checkAudio(audio: MonoAudio, cfg: MelParams): void {
  if (audio.sampleRate !== cfg.sampleRate) {
    throw new VoiceCloneError('BAD_ARGUMENT', `Log-mel needs ${cfg.sampleRate} Hz audio, got ${audio.sampleRate} Hz; resample it first.`);
  }
  for (let i = 0; i < audio.samples.length; i++) {
    if (!Number.isFinite(audio.samples[i])) {
      throw new VoiceCloneError('INVALID_SAMPLES', `Audio sample ${i} is not a finite number.`);
    }
  }
}

/** Log-mel spectrogram: ln(melFilterbank · |STFT| + logFloor), frames centered every hopLength samples. */
export function logMel(audio: MonoAudio, cfg: MelParams = MEL): LogMel {
  const bins = checkMelParams(cfg);
  checkAudio(audio, cfg);
  const mag = stftMagnitude(audio.samples, cfg);
  const fb = melFilterbank(cfg);
  const support = filterSupport(fb, cfg.nMels);
  const { nMels } = cfg;
  const data = new Float32Array(mag.frames * nMels);
  for (let t = 0; t < mag.frames; t++) {
    const row = t * bins;
    for (let m = 0; m < nMels; m++) {
      let sum = 0;
      for (let k = support[m].start; k < support[m].end; k++) sum += fb[m * bins + k] * mag.data[row + k];
      data[t * nMels + m] = Math.log(sum + cfg.logFloor);
    }
  }
  return { frames: mag.frames, nMels, data };
}
