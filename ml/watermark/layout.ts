// Where the watermark lives and what a cell holds: a grid of time-frequency cells over the 16 kHz STFT (0.375–6 kHz, 32 ms ×
// 125 Hz each), one block repeated end to end, each cell's key-derived role, chip and dither, the quantized ratio it carries,
// and how far noise lets a reading of it be trusted.

import { createHash } from 'node:crypto';
import { hannWindow } from '../audio/fft';
import { seededRandom } from '../random';
import { codedLength } from './convolutional';
import { PAYLOAD_BITS } from './payload';

/**
 * The app's watermark key. Not a secret: anyone with this source can read (and forge or strip) the mark. It labels
 * audio as made by this app; it is not DRM.
 */
export const WATERMARK_KEY = 'voiceclone-studio/watermark/v4';

/** STFT of the 16 kHz signal the mark is embedded in and read from. */
export const STFT = { nFft: 512, winLength: 512, hopLength: 256 } as const;
/**
 * First and one-past-last STFT bin of the band (31.25 Hz bins: 375–6000 Hz). Speech whose energy lies low (flite's, a deep
 * voice's) needs the cells under 750 Hz: with the band from 750 Hz, 3 s excerpts of the 12 s flite reading under 20 dB-SNR
 * noise read back 9 of 15, from 375 Hz 15 of 15 (docs/watermark.md).
 */
export const BAND = { lo: 12, hi: 192 } as const;
export const BINS_PER_CELL = 4;
export const FRAMES_PER_CELL = 2;
/** Cell columns across the band. */
export const COLUMNS = (BAND.hi - BAND.lo) / BINS_PER_CELL;
/** Cell rows in one block; a block lasts ROWS × FRAMES_PER_CELL hops (1.536 s) and then repeats. */
export const ROWS = 48;
export const CELLS = ROWS * COLUMNS;
/** STFT frames in one block. */
export const BLOCK_FRAMES = ROWS * FRAMES_PER_CELL;
/**
 * Cells kept for synchronization (14 %). The detector decodes the payload at the best few sync offsets, so sync only has
 * to rank the right offset near the top: on 90 synthesized sentences under 20 dB-SNR noise (key v2) the true offset was
 * among the best 32 for all 90, and with key v3's code 200 or 420 sync cells read back fewer than 302 (docs/watermark.md).
 */
export const SYNC_CELLS = 302;
export const CODED_BITS = codedLength(PAYLOAD_BITS);

export interface Layout {
  /** Per cell: -1 for a sync cell, else the index of the coded bit it carries. */
  role: Int16Array;
  /** Per cell: its ±1 chip. */
  sign: Int8Array;
  /** Per cell: its dither, in [0, 1) quantizer steps: where the cell's lattice starts. */
  dither: Float64Array;
}

/** The cell layout fixed by WATERMARK_KEY: a key-seeded shuffle picks sync cells and spreads each coded bit. */
function buildLayout(): Layout {
  const rand = seededRandom(createHash('sha256').update(WATERMARK_KEY).digest().readUInt32BE(0));
  const order = Array.from({ length: CELLS }, (_, i) => i);
  for (let i = CELLS - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const role = new Int16Array(CELLS);
  const sign = new Int8Array(CELLS);
  const dither = new Float64Array(CELLS);
  order.forEach((cell, i) => {
    role[cell] = i < SYNC_CELLS ? -1 : (i - SYNC_CELLS) % CODED_BITS;
    sign[cell] = rand() < 0.5 ? -1 : 1;
    dither[cell] = rand();
  });
  return { role, sign, dither };
}

export const LAYOUT: Layout = buildLayout();

/**
 * Step of the quantizer on a cell's log ratio (natural log of lower-half over upper-half magnitude sums). A cell
 * carrying chip +1 has its ratio moved toward the nearest point of (k + dither) · STEP, chip −1 toward (k + dither + ½) ·
 * STEP, so the speech itself does not interfere with reading it. With the energy spent where it counts (embed.ts), on
 * 180 synthesized sentences of 1.2–2.9 s under white noise at 17 dB SNR (three draws each, mark 30.5 dB under the
 * speech, band from 750 Hz) steps 0.9 / 1.1 / 1.3 / 1.6 read back 515 / 518 / 521 / 518 of 540, and at 20 dB 0.5 / 0.7 /
 * 0.9 / 1.1 read back 518 / 534 / 538 / 540 (docs/watermark.md).
 */
export const QUANTIZER_STEP = 1.1;

/**
 * Magnitude sum under which a half-cell counts as silent: its ratio is undefined, so embedding leaves the cell alone
 * and detection takes nothing from it.
 */
export const SILENT_HALF_CELL = 1e-6;

/**
 * Signal-to-noise ratio (dB, white noise against the audio's mean power) the mark is designed to survive: the embedder
 * spends its energy on the cells a reading under this noise can still trust, and the detector trusts no cell more than
 * this noise allows, so cells the embedder left alone do not drown the others on clean audio.
 */
export const DESIGN_SNR_DB = 20;

/** E|X_k|² of the STFT of unit-variance white noise: the Hann window's energy (the FFT is unnormalized). */
const WHITE_NOISE_BIN_POWER = hannWindow(STFT.winLength, STFT.nFft).reduce((sum, w) => sum + w * w, 0);

/** Power per STFT bin of white noise DESIGN_SNR_DB under the mean power of 16 kHz samples `x`. */
export function designNoisePerBin(x: Float32Array): number {
  let power = 0;
  for (const v of x) power += v * v;
  return (WHITE_NOISE_BIN_POWER * power) / Math.max(1, x.length) / 10 ** (DESIGN_SNR_DB / 10);
}

/**
 * The cosine a cell's reading keeps, on average, after white noise of `noisePerBin` per bin: it moves a half-cell's
 * magnitude sum m by about √2 σ, so the log ratio by a variance 2σ²(1/m₁² + 1/m₂²), and a Gaussian phase error of
 * variance v (in turns) shrinks the cosine by exp(−2π²v).
 */
export function expectedCosine(noisePerBin: number, lower: number, upper: number): number {
  const variance = (2 * noisePerBin * (1 / lower ** 2 + 1 / upper ** 2)) / QUANTIZER_STEP ** 2;
  return Math.exp(-2 * Math.PI ** 2 * variance);
}

/** Whether a band bin lies in the lower half of its cell (its two lowest bins). */
export function inLowerHalf(bin: number): boolean {
  return (bin - BAND.lo) % BINS_PER_CELL < BINS_PER_CELL / 2;
}

/** Magnitude sums of each cell-sized patch: frames t and t + 1, one cell column's lower and upper half. */
export interface PatchSums {
  frames: number;
  /** [t · COLUMNS + column]: sum of the lower-half magnitudes. */
  lower: Float64Array;
  /** The same for the upper half. */
  upper: Float64Array;
  /** The same for the power of the lower half's bins. */
  lowerPower: Float64Array;
  /** The same for the upper half's. */
  upperPower: Float64Array;
}

/** Patch sums starting at every frame of `spec` (the last frame starts none). */
export function patchSums(spec: { frames: number; bins: number; re: Float32Array; im: Float32Array }): PatchSums {
  const { frames, bins, re, im } = spec;
  const lower = new Float64Array(frames * COLUMNS);
  const upper = new Float64Array(frames * COLUMNS);
  const lowerPower = new Float64Array(frames * COLUMNS);
  const upperPower = new Float64Array(frames * COLUMNS);
  for (let t = 0; t + FRAMES_PER_CELL <= frames; t++) {
    for (let f = t; f < t + FRAMES_PER_CELL; f++) {
      for (let k = BAND.lo; k < BAND.hi; k++) {
        const p = re[f * bins + k] ** 2 + im[f * bins + k] ** 2;
        const at = t * COLUMNS + Math.floor((k - BAND.lo) / BINS_PER_CELL);
        if (inLowerHalf(k)) {
          lower[at] += Math.sqrt(p);
          lowerPower[at] += p;
        } else {
          upper[at] += Math.sqrt(p);
          upperPower[at] += p;
        }
      }
    }
  }
  return { frames, lower, upper, lowerPower, upperPower };
}
