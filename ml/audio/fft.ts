// Short-time Fourier transform on top of npm fft.js (radix-4, N log N): real FFT, framing, STFT and its inverse.
// Framing follows librosa's center=True: reflect-pad nFft/2 on both sides, periodic Hann window zero-padded to nFft.

import FFT from 'fft.js';
import { VoiceCloneError } from '../errors';

export interface StftParams {
  nFft: number;
  winLength: number;
  hopLength: number;
}

/** Complex STFT, row-major [frames × bins] with bins = nFft/2 + 1. */
export interface Spectrogram {
  frames: number;
  bins: number;
  re: Float32Array;
  im: Float32Array;
}

/** Real-valued spectrogram (magnitude), row-major [frames × bins]. */
export interface MagnitudeSpectrogram {
  frames: number;
  bins: number;
  data: Float32Array;
}

/** Real-input FFT of one fixed power-of-two size, reusing its work buffers between calls. */
export class RealFft {
  readonly size: number;
  readonly bins: number;
  private readonly fft: FFT;
  private readonly input: Float64Array;
  private readonly spectrum: Float64Array;
  private readonly full: Float64Array;
  private readonly output: Float64Array;

  constructor(size: number) {
    if (!Number.isInteger(size) || size < 4 || (size & (size - 1)) !== 0) {
      throw new VoiceCloneError('BAD_ARGUMENT', `FFT size must be a power of two of at least 4, not ${size}.`);
    }
    this.size = size;
    this.bins = size / 2 + 1;
    this.fft = new FFT(size);
    this.input = new Float64Array(size);
    this.spectrum = new Float64Array(2 * size);
    this.full = new Float64Array(2 * size);
    this.output = new Float64Array(2 * size);
  }

  /** Spectrum bins 0..size/2 of a real signal (zero-padded or truncated to size) into re/im at offset. */
  forward(signal: ArrayLike<number>, re: Float32Array | Float64Array, im: Float32Array | Float64Array, offset = 0): void {
    const n = Math.min(signal.length, this.size);
    for (let i = 0; i < n; i++) this.input[i] = signal[i];
    this.input.fill(0, n);
    this.fft.realTransform(this.spectrum, this.input);
    for (let k = 0; k < this.bins; k++) {
      re[offset + k] = this.spectrum[2 * k];
      im[offset + k] = this.spectrum[2 * k + 1];
    }
  }

  /** Real signal (length size) whose spectrum bins 0..size/2 are re/im at offset; the rest follows by symmetry. */
  inverse(re: ArrayLike<number>, im: ArrayLike<number>, out: Float32Array | Float64Array, offset = 0): void {
    // Paired with itself; the duplicate lands in the (free) forward input buffer.
    this.inversePair(re, im, offset, out, re, im, offset, this.input);
  }

  /**
   * Two real inverse transforms for the price of one complex one: the signals x1, x2 come back as the real and
   * imaginary parts of IFFT(X1 + i·X2), each X extended to the full Hermitian spectrum (bins 0 and size/2 real).
   */
  inversePair(
    re1: ArrayLike<number>, im1: ArrayLike<number>, offset1: number, out1: Float32Array | Float64Array,
    re2: ArrayLike<number>, im2: ArrayLike<number>, offset2: number, out2: Float32Array | Float64Array,
  ): void {
    const n = this.size;
    const half = n / 2;
    for (let k = 0; k <= half; k++) {
      const edge = k === 0 || k === half;
      const ar = re1[offset1 + k], ai = edge ? 0 : im1[offset1 + k];
      const br = re2[offset2 + k], bi = edge ? 0 : im2[offset2 + k];
      this.full[2 * k] = ar - bi;
      this.full[2 * k + 1] = ai + br;
      if (!edge) {
        this.full[2 * (n - k)] = ar + bi;
        this.full[2 * (n - k) + 1] = br - ai;
      }
    }
    this.fft.inverseTransform(this.output, this.full);
    for (let i = 0; i < n; i++) {
      out1[i] = this.output[2 * i];
      out2[i] = this.output[2 * i + 1];
    }
  }
}

/** Checks window and hop against nFft (nFft itself is checked by RealFft). */
export function checkStftParams(p: StftParams): void {
  const { nFft, winLength, hopLength } = p;
  if (!Number.isInteger(winLength) || winLength < 2 || winLength > nFft) {
    throw new VoiceCloneError('BAD_ARGUMENT', `STFT window length must be an integer between 2 and nFft (${nFft}), not ${winLength}.`);
  }
  if (!Number.isInteger(hopLength) || hopLength < 1 || hopLength > winLength) {
    throw new VoiceCloneError('BAD_ARGUMENT', `STFT hop must be an integer between 1 and the window length (${winLength}), not ${hopLength}.`);
  }
}

/** Periodic Hann window of winLength samples, centered in nFft samples of zeros (librosa's get_window + pad_center). */
export function hannWindow(winLength: number, nFft: number): Float64Array {
  const w = new Float64Array(nFft);
  const start = Math.floor((nFft - winLength) / 2);
  for (let i = 0; i < winLength; i++) w[start + i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / winLength);
  return w;
}

/** Number of STFT frames for a centered analysis: 1 + floor(samples / hop). */
export function frameCount(samples: number, hopLength: number): number {
  return 1 + Math.floor(samples / hopLength);
}

/** Reflect-pads `pad` samples on both sides (numpy mode='reflect': the edge sample is not repeated). */
export function reflectPad(samples: Float32Array, pad: number): Float32Array {
  const n = samples.length;
  if (n <= pad) {
    throw new VoiceCloneError('TOO_SHORT', `Audio of ${n} samples is too short for a ${2 * pad}-point STFT; it needs more than ${pad} samples.`);
  }
  const out = new Float32Array(n + 2 * pad);
  out.set(samples, pad);
  for (let i = 1; i <= pad; i++) {
    out[pad - i] = samples[i];
    out[pad + n - 1 + i] = samples[n - 1 - i];
  }
  return out;
}

/**
 * One STFT configuration with its FFT, window and buffers made once, for callers that transform many times (Griffin-Lim):
 * the same arithmetic as `stft`/`istft`, without rebuilding them on every call.
 */
export class StftPlan {
  readonly params: StftParams;
  private readonly fft: RealFft;
  private readonly window: Float64Array;
  private readonly frame: Float64Array;
  private readonly frameB: Float64Array;
  /** Summed squared window of the overlap-add, by frame count (it depends only on that). */
  private envelope: { frames: number; norm: Float64Array } | null = null;

  constructor(params: StftParams) {
    checkStftParams(params);
    this.params = params;
    this.fft = new RealFft(params.nFft);
    this.window = hannWindow(params.winLength, params.nFft);
    this.frame = new Float64Array(params.nFft);
    this.frameB = new Float64Array(params.nFft);
  }

  /** Centered STFT with a Hann window (librosa.stft defaults, no normalization), into `out` when given and of the right size. */
  stft(samples: Float32Array, out?: Spectrogram): Spectrogram {
    const { nFft, hopLength } = this.params;
    const { fft, window, frame } = this;
    const padded = reflectPad(samples, nFft / 2);
    const frames = frameCount(samples.length, hopLength);
    const fits = out !== undefined && out.frames === frames && out.bins === fft.bins;
    const re = fits ? out.re : new Float32Array(frames * fft.bins);
    const im = fits ? out.im : new Float32Array(frames * fft.bins);
    for (let t = 0; t < frames; t++) {
      const start = t * hopLength;
      for (let i = 0; i < nFft; i++) frame[i] = padded[start + i] * window[i];
      fft.forward(frame, re, im, t * fft.bins);
    }
    return { frames, bins: fft.bins, re, im };
  }

  private norm(frames: number): Float64Array {
    if (this.envelope?.frames !== frames) {
      const { nFft, hopLength } = this.params;
      const norm = new Float64Array((frames - 1) * hopLength + nFft);
      for (let t = 0; t < frames; t++) for (let i = 0; i < nFft; i++) norm[t * hopLength + i] += this.window[i] * this.window[i];
      this.envelope = { frames, norm };
    }
    return this.envelope.norm;
  }

  /**
   * Inverse of `stft` by weighted overlap-add (librosa.istft): divides by the summed squared window and trims the
   * centering pad. `length` defaults to (frames - 1) * hop, the longest length `stft` maps to these frames.
   */
  istft(spec: Spectrogram, length = (spec.frames - 1) * this.params.hopLength): Float32Array {
    const { nFft, hopLength } = this.params;
    const { fft, window } = this;
    if (spec.bins !== fft.bins) {
      throw new VoiceCloneError('BAD_ARGUMENT', `Spectrogram has ${spec.bins} bins, but nFft ${nFft} needs ${fft.bins}.`);
    }
    const pad = nFft / 2;
    const total = (spec.frames - 1) * hopLength + nFft;
    const acc = new Float64Array(total);
    const norm = this.norm(spec.frames);
    const frameA = this.frame;
    const frameB = this.frameB;
    const overlapAdd = (frame: Float64Array, t: number): void => {
      const start = t * hopLength;
      for (let i = 0; i < nFft; i++) acc[start + i] += frame[i] * window[i];
    };
    for (let t = 0; t < spec.frames; t += 2) {
      // Frames go through the inverse FFT in pairs; an odd last frame pairs with itself.
      const u = Math.min(t + 1, spec.frames - 1);
      fft.inversePair(spec.re, spec.im, t * spec.bins, frameA, spec.re, spec.im, u * spec.bins, frameB);
      overlapAdd(frameA, t);
      if (u !== t) overlapAdd(frameB, u);
    }
    const out = new Float32Array(length);
    const tiny = 1e-10;
    for (let i = 0; i < length && pad + i < total; i++) {
      const w = norm[pad + i];
      out[i] = w > tiny ? acc[pad + i] / w : acc[pad + i];
    }
    return out;
  }
}

/** Centered STFT with a Hann window (librosa.stft defaults, no normalization). */
export function stft(samples: Float32Array, p: StftParams): Spectrogram {
  return new StftPlan(p).stft(samples);
}

/** Magnitude |X| of each STFT bin. */
export function magnitude(spec: Spectrogram): MagnitudeSpectrogram {
  const data = new Float32Array(spec.re.length);
  for (let i = 0; i < data.length; i++) data[i] = Math.sqrt(spec.re[i] * spec.re[i] + spec.im[i] * spec.im[i]);
  return { frames: spec.frames, bins: spec.bins, data };
}

/** Magnitude spectrogram of a signal: |stft(samples)|. */
export function stftMagnitude(samples: Float32Array, p: StftParams): MagnitudeSpectrogram {
  return magnitude(stft(samples, p));
}

/**
 * Inverse of `stft` by weighted overlap-add (librosa.istft): divides by the summed squared window and
 * trims the centering pad. `length` defaults to (frames - 1) * hop, the longest length `stft` maps to these frames.
 */
export function istft(spec: Spectrogram, p: StftParams, length = (spec.frames - 1) * p.hopLength): Float32Array {
  return new StftPlan(p).istft(spec, length);
}
