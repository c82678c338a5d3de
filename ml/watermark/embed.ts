// Embeds the watermark: the power of each band bin of the 16 kHz STFT is scaled by 1 ± h (sign: its cell's chip times
// the bin's alternating sign), about the same mark energy in every band bin, set MARGIN_DB under the frame's; added at the input rate.

import { SAMPLE_RATE } from '../audio/config';
import { istft, stft } from '../audio/fft';
import { resample } from '../audio/resample';
import type { MonoAudio } from '../audio/types';
import { VoiceCloneError } from '../errors';
import { convolutionalEncode } from './convolutional';
import { BAND, binSign, BLOCK_FRAMES, CELLS, cellOf, LAYOUT, STFT } from './layout';
import { payloadToBits, type Payload } from './payload';
import { samplesAt16k } from './signal';

/**
 * The mark's energy in each STFT frame, as set in the spectrum, is this far under the frame's own energy (dB). Neighbouring
 * bins change in opposite directions (`binSign`), so part of it cancels in the resynthesis: the added signal comes out
 * 32.9 dB or more under the speech on 200 synthesized sentences (`markEnergyDb`).
 */
export const MARGIN_DB = 27;
/**
 * Largest relative change of a band bin's power (h). A bin's amplitude changes by √(1 ± h) − 1, about ±h/2, so
 * raising half the bins by h and lowering the other half by h keeps the band's power on average (scaling amplitudes by
 * 1 ± h/2 instead adds h²/4 of power everywhere, most in the valleys between harmonics, which the verifier noticed).
 * Measured on 200 synthesized sentences of the step-2800 TTS model (10 voices × 20 Harvard sentences; the fine-tuned
 * model's figures are in docs/watermark.md): margin 27 dB with h ≤ 0.9 kept the
 * verifier cosine between marked and unmarked speech ≥ 0.9905 (mean 0.9962), and 197 were read back (the misses:
 * allison, under 2 s); amplitudes scaled by 1 ± 0.7 at most with margin 28 dB read back 195 but left 4 clips under
 * 0.99 (worst 0.9870).
 */
const MAX_POWER_CHANGE = 0.9;
/**
 * Mark energy per bin grows as the bin's envelope power to this exponent: 1 would give every bin the same relative
 * change; 0 gives every bin the same mark energy, so weak bins get the largest relative change. Measured on 55
 * synthesized clips (15 % sync cells): 0 decoded 55, 0.1 (cap 0.8) 51, 0.3 45. It costs natural speech verifier cosine.
 */
const SHAPE = 0;
/** Half-width of the spectral envelope smoothing (bins). */
const ENVELOPE_BINS = 2;

/** The ±1 chip each cell is scaled by for this payload. */
function cellChips(payload: Payload): Int8Array {
  const coded = convolutionalEncode(payloadToBits(payload));
  const chips = new Int8Array(CELLS);
  for (let c = 0; c < CELLS; c++) {
    const role = LAYOUT.role[c];
    chips[c] = role < 0 ? LAYOUT.sign[c] : LAYOUT.sign[c] * (2 * coded[role] - 1);
  }
  return chips;
}

/** The watermark signal for 16 kHz samples `x`. */
function watermarkSignal(x: Float32Array, payload: Payload): Float32Array {
  const chips = cellChips(payload);
  const spec = stft(x, STFT);
  const { bins } = spec;
  const limit = 10 ** (-MARGIN_DB / 20);
  const re = new Float32Array(spec.re.length);
  const im = new Float32Array(spec.im.length);
  const power = new Float64Array(bins);
  const weight = new Float64Array(BAND.hi - BAND.lo);
  for (let t = 0; t < spec.frames; t++) {
    let full = 0;
    for (let k = 0; k < bins; k++) {
      power[k] = spec.re[t * bins + k] ** 2 + spec.im[t * bins + k] ** 2;
      full += power[k];
    }
    // Relative amplitude change per bin ∝ (local spectral envelope)^((SHAPE-1)/2), scaled so the frame's mark energy
    // meets the limit; the power change h is twice it.
    let weighted = 0;
    for (let k = BAND.lo; k < BAND.hi; k++) {
      let env = 0;
      for (let j = k - ENVELOPE_BINS; j <= k + ENVELOPE_BINS; j++) env += power[j];
      weight[k - BAND.lo] = env > 0 ? (env / (2 * ENVELOPE_BINS + 1)) ** ((SHAPE - 1) / 2) : 0;
      weighted += weight[k - BAND.lo] ** 2 * power[k];
    }
    if (weighted === 0) continue;
    const scale = limit * Math.sqrt(full / weighted);
    const blockFrame = t % BLOCK_FRAMES;
    for (let k = BAND.lo; k < BAND.hi; k++) {
      const h = Math.min(MAX_POWER_CHANGE, 2 * scale * weight[k - BAND.lo]);
      const g = Math.sqrt(1 + h * chips[cellOf(blockFrame, k)] * binSign(k)) - 1;
      re[t * bins + k] = g * spec.re[t * bins + k];
      im[t * bins + k] = g * spec.im[t * bins + k];
    }
  }
  return istft({ frames: spec.frames, bins, re, im }, STFT, x.length);
}

/** `audio` with the watermark carrying `payload` added, at the same sample rate and length. */
export function embed(audio: MonoAudio, payload: Payload): MonoAudio {
  const x16 = samplesAt16k(audio, 'watermark');
  const mark16 = watermarkSignal(x16, payload);
  const mark = audio.sampleRate === SAMPLE_RATE ? mark16 : resample(mark16, SAMPLE_RATE, audio.sampleRate);
  const samples = new Float32Array(audio.samples.length);
  for (let i = 0; i < samples.length; i++) samples[i] = audio.samples[i] + (mark[i] ?? 0);
  return { samples, sampleRate: audio.sampleRate };
}

/** Energy of the added mark (marked − original) relative to the original's energy, in dB: how far under the speech it is. */
export function markEnergyDb(original: MonoAudio, marked: MonoAudio): number {
  if (original.samples.length !== marked.samples.length) {
    throw new VoiceCloneError('BAD_ARGUMENT', 'The marked audio must be the original with the mark added: their lengths differ.');
  }
  let speech = 0;
  let mark = 0;
  for (let i = 0; i < original.samples.length; i++) {
    speech += original.samples[i] ** 2;
    mark += (marked.samples[i] - original.samples[i]) ** 2;
  }
  return 10 * Math.log10(mark / speech);
}
