// Frame-wise MFCCs (13) and spectral descriptors (centroid, flatness, rolloff, zero-crossing rate, RMS) via meyda,
// on 1024-sample Hann frames centered every MEL.hopLength samples, so frame t lines up with log-mel frame t.

import Meyda, { type MeydaAudioFeature, type MeydaFeaturesObject } from 'meyda';
import { VoiceCloneError } from '../errors';
import { MEL, SAMPLE_RATE } from './config';
import { frameCount, reflectPad } from './fft';
import type { MonoAudio } from './types';

/** Analysis frame (meyda needs a power of two): the log-mel nFft. */
const FRAME = MEL.nFft;
const HOP = MEL.hopLength;
export const MFCC_COEFFICIENTS = 13;
/** Full scale of 16-bit PCM. */
const PCM16_SCALE = 32768;

export interface Mfcc {
  frames: number;
  coefficients: number;
  /** Row-major [frames × coefficients]. */
  data: Float32Array;
  hopSeconds: number;
}

export interface SpectralDescriptors {
  frames: number;
  hopSeconds: number;
  /** Amplitude-weighted mean frequency, Hz. */
  centroid: Float32Array;
  /** Geometric over arithmetic mean of the amplitude spectrum, 0 (tonal) … 1 (white noise). */
  flatness: Float32Array;
  /** Frequency below which 99 % of the spectral amplitude lies, Hz. */
  rolloff: Float32Array;
  /** Zero crossings per second. */
  zcr: Float32Array;
  /** Root mean square of the windowed frame. */
  rms: Float32Array;
  /** Means over frames that are not digital silence (all 0 when every frame is silent). */
  means: { centroid: number; flatness: number; rolloff: number; zcr: number; rms: number };
}

function checkAudio(audio: MonoAudio): void {
  if (audio.sampleRate !== SAMPLE_RATE) {
    throw new VoiceCloneError('BAD_ARGUMENT', `Audio features need ${SAMPLE_RATE} Hz audio, got ${audio.sampleRate} Hz; resample it first.`);
  }
  for (let i = 0; i < audio.samples.length; i++) {
    if (!Number.isFinite(audio.samples[i])) {
      throw new VoiceCloneError('INVALID_SAMPLES', `Audio sample ${i} is not a finite number.`);
    }
  }
}

/** Runs meyda on every centered frame (samples multiplied by `scale`) and hands each frame's features to `take`. */
function extractFrames(
  audio: MonoAudio,
  features: MeydaAudioFeature[],
  scale: number,
  take: (t: number, f: Partial<MeydaFeaturesObject>, silent: boolean) => void,
): void {
  checkAudio(audio);
  // meyda builds its mel filterbank once, from these settings, on the first extract of the process.
  Meyda.bufferSize = FRAME;
  Meyda.sampleRate = SAMPLE_RATE;
  Meyda.windowingFunction = 'hanning';
  Meyda.numberOfMFCCCoefficients = MFCC_COEFFICIENTS;
  const padded = reflectPad(audio.samples, FRAME / 2);
  const frames = frameCount(audio.samples.length, HOP);
  for (let t = 0; t < frames; t++) {
    const frame = padded.slice(t * HOP, t * HOP + FRAME);
    if (scale !== 1) for (let i = 0; i < FRAME; i++) frame[i] *= scale;
    const silent = frame.every((v) => v === 0);
    const f = Meyda.extract(features, frame);
    if (!f) throw new VoiceCloneError('BAD_ARGUMENT', `meyda returned no features for frame ${t}.`);
    take(t, f, silent);
  }
}

/**
 * 13 MFCCs per frame (meyda: power spectrum, 26 mel bands, ln(1 + power), DCT-II). Samples are scaled to the 16-bit
 * integer range first, as in HTK and pocketsphinx, so ln(1 + power) acts as a log over the whole speech range.
 */
export function mfcc(audio: MonoAudio): Mfcc {
  const frames = frameCount(audio.samples.length, HOP);
  const data = new Float32Array(frames * MFCC_COEFFICIENTS);
  extractFrames(audio, ['mfcc'], PCM16_SCALE, (t, f, silent) => {
    if (silent) return;
    const c = f.mfcc ?? [];
    for (let i = 0; i < MFCC_COEFFICIENTS; i++) data[t * MFCC_COEFFICIENTS + i] = c[i];
  });
  return { frames, coefficients: MFCC_COEFFICIENTS, data, hopSeconds: HOP / SAMPLE_RATE };
}

/** Spectral centroid, flatness, rolloff, zero-crossing rate and RMS per frame, plus their means. */
export function spectralDescriptors(audio: MonoAudio): SpectralDescriptors {
  const frames = frameCount(audio.samples.length, HOP);
  const out = {
    centroid: new Float32Array(frames),
    flatness: new Float32Array(frames),
    rolloff: new Float32Array(frames),
    zcr: new Float32Array(frames),
    rms: new Float32Array(frames),
  };
  const binHz = SAMPLE_RATE / FRAME;
  const voiced: number[] = [];
  extractFrames(audio, ['spectralCentroid', 'spectralFlatness', 'spectralRolloff', 'zcr', 'rms'], 1, (t, f, silent) => {
    if (silent) return;
    voiced.push(t);
    out.centroid[t] = (f.spectralCentroid ?? 0) * binHz;
    out.flatness[t] = f.spectralFlatness ?? 0;
    out.rolloff[t] = f.spectralRolloff ?? 0;
    out.zcr[t] = ((f.zcr ?? 0) * SAMPLE_RATE) / (FRAME - 1);
    out.rms[t] = f.rms ?? 0;
  });
  const mean = (x: Float32Array): number => (voiced.length ? voiced.reduce((s, t) => s + x[t], 0) / voiced.length : 0);
  return {
    frames,
    hopSeconds: HOP / SAMPLE_RATE,
    ...out,
    means: { centroid: mean(out.centroid), flatness: mean(out.flatness), rolloff: mean(out.rolloff), zcr: mean(out.zcr), rms: mean(out.rms) },
  };
}
