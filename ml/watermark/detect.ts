// Finds and reads the watermark anywhere in a recording: each patch's log ratio read against its cell's quantizer lattice,
// correlated with the sync chips at every block offset and eighth-hop shift; the best offsets' code bits go to Viterbi.

import { LIMITS } from '../audio/config';
import { decodeAudioBytes, decodeAudioFile } from '../audio/decode';
import { stft } from '../audio/fft';
import { toMono } from '../audio/resample';
import type { DecodedAudio, MonoAudio } from '../audio/types';
import { viterbiDecode } from './convolutional';
import { BINS_PER_CELL, BLOCK_FRAMES, CELLS, CODED_BITS, COLUMNS, designNoisePerBin, expectedCosine, FRAMES_PER_CELL, LAYOUT, patchSums, QUANTIZER_STEP, SILENT_HALF_CELL, STFT } from './layout';
import { APP_ID, bitsToPayload, PAYLOAD_BITS, type Payload } from './payload';
import { samplesAt16k } from './signal';

export interface Detection {
  /** Whether the watermark was found. */
  present: boolean;
  /** The decoded payload when its CRC checks out and it carries this app's id, else null. */
  payload: Payload | null;
  /** 1 minus a bound on the chance that unmarked audio shows this much evidence (sync this strong, or a payload) (0 to 1). */
  confidence: number;
}

/**
 * Sample shifts tried within one hop (an eighth of a hop apart), so an excerpt's frames fall within 16 samples of the
 * frames it was marked in. On 3 s excerpts of synthesized speech under 20 dB-SNR noise, quarter-hop shifts read back
 * 89 of 111 and eighth-hop shifts 111 of 111; sixteenth-hop shifts were no better (docs/watermark.md).
 */
const SHIFTS = Array.from({ length: 8 }, (_, i) => (i * STFT.hopLength) / 8);
/** Quantile of a patch's power over the recording taken as its column's noise floor. */
const FLOOR_QUANTILE = 0.1;
/**
 * The floor quantile times this is the noise power a patch's reading is judged against. On 54 synthesized sentences
 * under 20 dB-SNR white noise, 2–4 read back 39–40, 1 29, 5 (with a cruder weight) 23 (docs/watermark.md).
 */
const FLOOR_SCALE = 3;
/**
 * Offsets, best sync score first, whose payload is decoded. A decode passes by chance with probability 2^-24 (CRC-16
 * and the 8-bit app id), so unmarked audio passes at one of them with probability at most CANDIDATES · 2^-24.
 */
const CANDIDATES = 32;
/** Bits a chance decode must match: the CRC-16 and the app id. */
const CHECKED_BITS = 24;
/** Sync confidence that alone says the mark is there (its payload may be too damaged to read). */
const PRESENT_WITHOUT_PAYLOAD = 0.999999;

const DITHER_COS = LAYOUT.dither.map((d) => Math.cos(2 * Math.PI * d));
const DITHER_SIN = LAYOUT.dither.map((d) => Math.sin(2 * Math.PI * d));

/** What every patch of a recording says: its log ratio as a phase on the quantizer's circle, and how far to trust it. */
interface PatchReadings {
  frames: number;
  /** [t · COLUMNS + column]: weight · cos and weight · sin of 2π · ratio / QUANTIZER_STEP. */
  cos: Float64Array;
  sin: Float64Array;
}

/**
 * Reads every patch, weighted by the cosine expected to be left after noise (`expectedCosine`): white noise of the
 * column's floor × FLOOR_SCALE per bin, or the design noise if that is louder (on clean audio the cells the embedder
 * left alone, too quiet to survive it, would otherwise weigh as much as the marked ones).
 */
function readPatches(x: Float32Array): PatchReadings {
  const sums = patchSums(stft(x, STFT));
  const { frames } = sums;
  const starts = Math.max(0, frames - FRAMES_PER_CELL + 1);
  const floor = new Float64Array(COLUMNS);
  const column = new Float64Array(starts);
  for (let c = 0; c < COLUMNS; c++) {
    for (let t = 0; t < starts; t++) column[t] = sums.lowerPower[t * COLUMNS + c] + sums.upperPower[t * COLUMNS + c];
    column.sort();
    floor[c] = starts > 0 ? column[Math.floor(FLOOR_QUANTILE * (starts - 1))] : 0;
  }
  const designNoise = designNoisePerBin(x);
  const cos = new Float64Array(frames * COLUMNS);
  const sin = new Float64Array(frames * COLUMNS);
  const binsPerPatch = FRAMES_PER_CELL * BINS_PER_CELL;
  for (let t = 0; t < starts; t++) {
    for (let c = 0; c < COLUMNS; c++) {
      const at = t * COLUMNS + c;
      const lower = sums.lower[at];
      const upper = sums.upper[at];
      if (lower < SILENT_HALF_CELL || upper < SILENT_HALF_CELL) continue;
      const weight = expectedCosine(Math.max((FLOOR_SCALE * floor[c]) / binsPerPatch, designNoise), lower, upper);
      const phase = (2 * Math.PI * Math.log(lower / upper)) / QUANTIZER_STEP;
      cos[at] = weight * Math.cos(phase);
      sin[at] = weight * Math.sin(phase);
    }
  }
  return { frames, cos, sin };
}

/**
 * Per cell, the summed evidence for chip +1 when the recording's frame 0 is block frame `offset`: each patch's
 * weighted cosine of its distance (in turns) from the cell's +1 lattice (+1 on it, −1 on the −1 lattice).
 */
function cellSums(readings: PatchReadings, offset: number): Float64Array {
  const sums = new Float64Array(CELLS);
  for (let t = (FRAMES_PER_CELL - (offset % FRAMES_PER_CELL)) % FRAMES_PER_CELL; t + FRAMES_PER_CELL <= readings.frames; t += FRAMES_PER_CELL) {
    const row = ((t + offset) % BLOCK_FRAMES) / FRAMES_PER_CELL;
    for (let c = 0; c < COLUMNS; c++) {
      const at = t * COLUMNS + c;
      const cell = row * COLUMNS + c;
      sums[cell] += readings.cos[at] * DITHER_COS[cell] + readings.sin[at] * DITHER_SIN[cell];
    }
  }
  return sums;
}

/** Normalized correlation of cell sums with the sync chips: about N(0, 1) on unmarked audio (the chips are random signs). */
function syncScore(sums: Float64Array): number {
  let dot = 0;
  let energy = 0;
  for (let c = 0; c < CELLS; c++) {
    if (LAYOUT.role[c] !== -1) continue;
    dot += LAYOUT.sign[c] * sums[c];
    energy += sums[c] * sums[c];
  }
  return energy === 0 ? 0 : dot / Math.sqrt(energy);
}

/** 1 − (Bonferroni bound on the false-alarm chance of score z over `tries` offsets), Gaussian tail by Mills' ratio. */
function syncConfidence(z: number, tries: number): number {
  if (z <= 1) return 0;
  const tail = Math.exp(-0.5 * z * z) / (z * Math.sqrt(2 * Math.PI));
  return Math.max(0, 1 - tries * tail);
}

/** The payload read from the cell sums at one sync offset, or null when the CRC fails. */
function readPayload(sums: Float64Array): Payload | null {
  const soft = new Float64Array(CODED_BITS);
  for (let c = 0; c < CELLS; c++) {
    const role = LAYOUT.role[c];
    if (role >= 0) soft[role] += LAYOUT.sign[c] * sums[c];
  }
  return bitsToPayload(viterbiDecode(soft, PAYLOAD_BITS));
}

/** Looks for the watermark in `audio` (any sample rate; the excerpt may start anywhere in the marked file). */
export function detect(audio: MonoAudio): Detection {
  const x = samplesAt16k(audio, 'check for a watermark in');
  const candidates: { z: number; sums: Float64Array }[] = [];
  for (const shift of SHIFTS) {
    if (x.length - shift <= STFT.nFft / 2) continue;
    const readings = readPatches(x.subarray(shift));
    for (let offset = 0; offset < BLOCK_FRAMES; offset++) {
      const sums = cellSums(readings, offset);
      candidates.push({ z: syncScore(sums), sums });
    }
  }
  candidates.sort((a, b) => b.z - a.z);
  const sync = syncConfidence(candidates[0].z, candidates.length);
  for (const { sums } of candidates.slice(0, CANDIDATES)) {
    const payload = readPayload(sums);
    if (payload !== null && payload.appId === APP_ID) {
      return { present: true, payload, confidence: Math.max(sync, 1 - CANDIDATES * 2 ** -CHECKED_BITS) };
    }
  }
  return { present: sync >= PRESENT_WITHOUT_PAYLOAD, payload: null, confidence: sync };
}

const detectDecoded = (decoded: DecodedAudio): Detection => detect({ samples: toMono(decoded.channels), sampleRate: decoded.sampleRate });

/** Looks for the watermark in an audio file (WAV, FLAC, MP3 or Ogg Vorbis; channels are mixed to mono). */
export async function detectFile(file: string): Promise<Detection> {
  return detectDecoded(await decodeAudioFile(file, { maxSeconds: LIMITS.maxSeconds }));
}

/** Looks for the watermark in an audio file held in memory; `name` only labels error messages. */
export async function detectBytes(bytes: Uint8Array, name: string): Promise<Detection> {
  return detectDecoded(await decodeAudioBytes(bytes, name, { maxSeconds: LIMITS.maxSeconds }));
}
