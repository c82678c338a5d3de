// Fundamental frequency (F0) with per-frame voicing by YIN (de Cheveigné & Kawahara 2002), 50–600 Hz by default.
// Hand-written because pitchfinder's YIN returns only a pitch or null per buffer: no aperiodicity, no F0 range, O(N²).

import { VoiceCloneError } from '../errors';
import { MEL } from './config';
import { RealFft, frameCount } from './fft';
import type { MonoAudio } from './types';

export interface F0Options {
  /** Lowest F0 searched, Hz (default 50). */
  fMin?: number;
  /** Highest F0 searched, Hz (default 600). */
  fMax?: number;
  /** Frame hop in seconds (default: the log-mel hop, 12.5 ms, so F0 frames line up with mel frames). */
  hopSeconds?: number;
  /** YIN absolute threshold on the normalized difference for picking the first period dip (default 0.1). */
  threshold?: number;
  /** Frames whose best normalized difference (aperiodicity) is at or above this are unvoiced (default 0.3). */
  maxAperiodicity?: number;
}

export interface F0Track {
  /** Seconds between frame centers; frame t is centered at t * hopSeconds. */
  hopSeconds: number;
  /** F0 in Hz, 0 where unvoiced. */
  f0: Float32Array;
  /** 1 − YIN aperiodicity of the chosen period in [0, 1]; 0 for frames too quiet to analyse. */
  voicedProb: Float32Array;
}

/** Frames more than this far below the loudest frame count as silence (dB). */
const SILENCE_BELOW_PEAK_DB = 50;
/** Frames with a mean square below this are digital silence whatever the peak. */
const ABSOLUTE_SILENCE_POWER = 1e-10;
/** Share of voiced frames below which medianF0 gives no answer. */
const MIN_VOICED_SHARE = 0.05;

function checkAudio(audio: MonoAudio): void {
  if (!(audio.sampleRate > 0) || !Number.isFinite(audio.sampleRate)) {
    throw new VoiceCloneError('BAD_ARGUMENT', `Sample rate must be a positive number, not ${audio.sampleRate}.`);
  }
  if (audio.samples.length === 0) throw new VoiceCloneError('TOO_SHORT', 'Cannot estimate pitch of empty audio.');
  for (let i = 0; i < audio.samples.length; i++) {
    if (!Number.isFinite(audio.samples[i])) {
      throw new VoiceCloneError('INVALID_SAMPLES', `Audio sample ${i} is not a finite number.`);
    }
  }
}

/** Estimates F0 and voicing per frame with YIN; frames are centered like the STFT (frame t at sample t * hop). */
export function estimateF0(audio: MonoAudio, opts: F0Options = {}): F0Track {
  checkAudio(audio);
  const sr = audio.sampleRate;
  const fMin = opts.fMin ?? 50;
  const fMax = opts.fMax ?? 600;
  const threshold = opts.threshold ?? 0.1;
  const maxAperiodicity = opts.maxAperiodicity ?? 0.3;
  if (!(fMin > 0 && fMax > fMin && fMax < sr / 4)) {
    throw new VoiceCloneError('BAD_ARGUMENT', `F0 range must satisfy 0 < fMin < fMax < sampleRate/4, got ${fMin}–${fMax} Hz at ${sr} Hz.`);
  }
  if (!(threshold > 0 && threshold < 1 && maxAperiodicity > 0 && maxAperiodicity <= 1)) {
    throw new VoiceCloneError('BAD_ARGUMENT', 'YIN threshold and maxAperiodicity must lie in (0, 1].');
  }
  const hop = Math.max(1, Math.round((opts.hopSeconds ?? MEL.hopLength / MEL.sampleRate) * sr));

  const tauMin = Math.max(2, Math.floor(sr / fMax));
  const tauMax = Math.ceil(sr / fMin);
  // Integration window of two longest periods; each frame reads window + tauMax + 1 samples.
  const win = 2 * tauMax;
  const span = win + tauMax + 1;
  let size = 4;
  while (size < win + span) size *= 2;
  const fft = new RealFft(size);

  const x = audio.samples;
  const frames = frameCount(x.length, hop);
  const f0 = new Float32Array(frames);
  const voicedProb = new Float32Array(frames);
  const power = new Float64Array(frames);

  const seg = new Float64Array(span);
  const head = new Float64Array(win);
  const aRe = new Float64Array(fft.bins), aIm = new Float64Array(fft.bins);
  const bRe = new Float64Array(fft.bins), bIm = new Float64Array(fft.bins);
  const r = new Float64Array(size);
  const cum = new Float64Array(span + 1);
  const dn = new Float64Array(tauMax + 2);
  const aperiodicity = new Float64Array(frames);
  const period = new Float64Array(frames);

  for (let t = 0; t < frames; t++) {
    const start = t * hop - Math.floor(span / 2);
    for (let i = 0; i < span; i++) {
      const j = start + i;
      seg[i] = j >= 0 && j < x.length ? x[j] : 0;
    }
    cum[0] = 0;
    for (let i = 0; i < span; i++) cum[i + 1] = cum[i] + seg[i] * seg[i];
    const energy = cum[win];
    power[t] = energy / win;
    if (power[t] <= ABSOLUTE_SILENCE_POWER) continue;

    // r(τ) = Σ_{j<win} seg[j]·seg[j+τ] as the inverse FFT of conj(A)·B.
    head.set(seg.subarray(0, win));
    fft.forward(head, aRe, aIm);
    fft.forward(seg, bRe, bIm);
    for (let k = 0; k < fft.bins; k++) {
      const re = aRe[k] * bRe[k] + aIm[k] * bIm[k];
      const im = aRe[k] * bIm[k] - aIm[k] * bRe[k];
      bRe[k] = re;
      bIm[k] = im;
    }
    fft.inverse(bRe, bIm, r);

    // Cumulative mean normalized difference d'(τ) (YIN steps 2–3).
    dn[0] = 1;
    let running = 0;
    for (let tau = 1; tau <= tauMax + 1; tau++) {
      const d = Math.max(0, energy + (cum[tau + win] - cum[tau]) - 2 * r[tau]);
      running += d;
      dn[tau] = running > 0 ? (d * tau) / running : 1;
    }

    // Step 4: first dip under the threshold (walked down to its minimum), else the global minimum in range.
    let best = -1;
    for (let tau = tauMin; tau <= tauMax; tau++) {
      if (dn[tau] < threshold) {
        while (tau + 1 <= tauMax && dn[tau + 1] < dn[tau]) tau++;
        best = tau;
        break;
      }
    }
    if (best < 0) {
      best = tauMin;
      for (let tau = tauMin + 1; tau <= tauMax; tau++) if (dn[tau] < dn[best]) best = tau;
    }
    // Step 5: parabolic interpolation around the chosen lag.
    const s0 = dn[best - 1], s1 = dn[best], s2 = dn[best + 1];
    const curvature = s0 + s2 - 2 * s1;
    const shift = curvature > 0 ? Math.max(-0.5, Math.min(0.5, (s0 - s2) / (2 * curvature))) : 0;
    period[t] = best + shift;
    aperiodicity[t] = Math.min(1, Math.max(0, s1));
  }

  let peak = 0;
  for (let t = 0; t < frames; t++) peak = Math.max(peak, power[t]);
  const quiet = peak * 10 ** (-SILENCE_BELOW_PEAK_DB / 10);
  for (let t = 0; t < frames; t++) {
    if (power[t] <= ABSOLUTE_SILENCE_POWER || power[t] < quiet) continue;
    voicedProb[t] = 1 - aperiodicity[t];
    if (aperiodicity[t] < maxAperiodicity) f0[t] = sr / period[t];
  }
  return { hopSeconds: hop / sr, f0, voicedProb };
}

/** Median F0 (Hz) over voiced frames, or null when fewer than 5 % of frames are voiced. */
export function medianF0(audio: MonoAudio, opts: F0Options = {}): number | null {
  const { f0 } = estimateF0(audio, opts);
  const voiced = Array.from(f0).filter((v) => v > 0);
  if (voiced.length < MIN_VOICED_SHARE * f0.length || voiced.length === 0) return null;
  voiced.sort((a, b) => a - b);
  const mid = voiced.length >> 1;
  return voiced.length % 2 === 1 ? voiced[mid] : (voiced[mid - 1] + voiced[mid]) / 2;
}
