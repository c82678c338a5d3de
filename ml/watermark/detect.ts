// Finds and reads the watermark anywhere in a recording: log band power minus its local trend, folded modulo the block,
// correlated with the sync chips at every block offset and quarter-hop shift; the best offsets' code bits go to Viterbi.

import { LIMITS } from '../audio/config';
import { decodeAudioBytes, decodeAudioFile } from '../audio/decode';
import { stft } from '../audio/fft';
import { toMono } from '../audio/resample';
import type { DecodedAudio, MonoAudio } from '../audio/types';
import { viterbiDecode } from './convolutional';
import { BAND, binSign, BLOCK_FRAMES, CELLS, CODED_BITS, cellOf, LAYOUT, STFT } from './layout';
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

/** Sample shifts tried within one hop (a quarter hop apart). */
const SHIFTS = [0, 64, 128, 192];
/**
 * Frames on each side in the running mean the log power is measured against. On 180 synthesized sentences under white
 * noise, 4 read back 121 of 180 at 35 dB SNR where 2 read back 88 (3 and 5–6 about as good as 4; docs/watermark.md).
 */
const TREND_FRAMES = 4;
/**
 * A bin's log-power deviation is clipped to ± this (natural log, about ±11 dB) before it is summed: onsets, offsets
 * and noise spikes deviate far more than the mark (at most log 1.8) and would otherwise dominate a cell. On 180
 * synthesized sentences at 35 / 30 dB SNR: no clipping 139 / 50 read back, ±2.5 155 / 67, ±1 107 / 38 (docs/watermark.md).
 */
const DEVIATION_LIMIT = 2.5;
/** Quantile of a bin's power over the recording taken as its noise floor. */
const FLOOR_QUANTILE = 0.1;
/**
 * The floor quantile times this is the noise power a bin's weight is measured against. The 10th percentile of
 * noise-only power is about a tenth of its mean, so unscaled it left noise-dominated bins nearly full weight; 3–7 gave
 * the same read-back under noise, 1 and 10 less (docs/watermark.md).
 */
const FLOOR_SCALE = 5;
/**
 * Offsets, best sync score first, whose payload is decoded. A decode passes by chance with probability 2^-24 (CRC-16
 * and the 8-bit app id), so unmarked audio passes at one of them with probability at most CANDIDATES · 2^-24.
 */
const CANDIDATES = 32;
/** Bits a chance decode must match: the CRC-16 and the app id. */
const CHECKED_BITS = 24;
/** Sync confidence that alone says the mark is there (its payload may be too damaged to read). */
const PRESENT_WITHOUT_PAYLOAD = 0.999999;
/** Floor on band power before the log, relative to full scale, so digital silence has no say. */
const POWER_FLOOR = 1e-10;

const BAND_BINS = BAND.hi - BAND.lo;

/** The `share` quantile of each band bin's power over all frames: the background noise floor per bin. */
function noiseFloor(power: Float64Array, frames: number, share: number): Float64Array {
  const floor = new Float64Array(BAND_BINS);
  const column = new Float64Array(frames);
  for (let k = 0; k < BAND_BINS; k++) {
    for (let t = 0; t < frames; t++) column[t] = power[t * BAND_BINS + k];
    column.sort();
    floor[k] = column[Math.floor(share * (frames - 1))];
  }
  return floor;
}

/**
 * Log band power minus its running mean over time (clipped) and its mean over the band, weighted by the share of the
 * bin's power above the noise floor (the mark rides on the speech, so noise-dominated bins carry little of it), times the
 * bin's sign inside its cell (`binSign`), folded modulo the block.
 */
function foldedDeviation(x: Float32Array): Float64Array {
  const spec = stft(x, STFT);
  const { frames, bins } = spec;
  const power = new Float64Array(frames * BAND_BINS);
  for (let t = 0; t < frames; t++) {
    for (let k = 0; k < BAND_BINS; k++) {
      const i = t * bins + BAND.lo + k;
      power[t * BAND_BINS + k] = spec.re[i] ** 2 + spec.im[i] ** 2 + POWER_FLOOR;
    }
  }
  const floor = noiseFloor(power, frames, FLOOR_QUANTILE);
  const logPower = power.map(Math.log);
  const folded = new Float64Array(BLOCK_FRAMES * BAND_BINS);
  const dev = new Float64Array(BAND_BINS);
  const weight = new Float64Array(BAND_BINS);
  for (let t = 0; t < frames; t++) {
    const from = Math.max(0, t - TREND_FRAMES);
    const to = Math.min(frames - 1, t + TREND_FRAMES);
    let frameMean = 0;
    for (let k = 0; k < BAND_BINS; k++) {
      let trend = 0;
      let trendPower = 0;
      for (let u = from; u <= to; u++) {
        trend += logPower[u * BAND_BINS + k];
        trendPower += power[u * BAND_BINS + k];
      }
      dev[k] = Math.max(-DEVIATION_LIMIT, Math.min(DEVIATION_LIMIT, logPower[t * BAND_BINS + k] - trend / (to - from + 1)));
      weight[k] = Math.max(0, 1 - (FLOOR_SCALE * floor[k] * (to - from + 1)) / trendPower);
      frameMean += dev[k];
    }
    frameMean /= BAND_BINS;
    const row = (t % BLOCK_FRAMES) * BAND_BINS;
    for (let k = 0; k < BAND_BINS; k++) folded[row + k] += binSign(BAND.lo + k) * weight[k] * (dev[k] - frameMean);
  }
  return folded;
}

/** Cell sums of the folded deviation when the recording's frame 0 is block frame `offset`. */
function cellSums(folded: Float64Array, offset: number): Float64Array {
  const sums = new Float64Array(CELLS);
  for (let j = 0; j < BLOCK_FRAMES; j++) {
    const blockFrame = (j + offset) % BLOCK_FRAMES;
    for (let k = 0; k < BAND_BINS; k++) sums[cellOf(blockFrame, BAND.lo + k)] += folded[j * BAND_BINS + k];
  }
  return sums;
}

/** Normalized correlation of cell sums with the sync chips: about N(0, 1) on unmarked audio. */
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
    const folded = foldedDeviation(x.subarray(shift));
    for (let offset = 0; offset < BLOCK_FRAMES; offset++) {
      const sums = cellSums(folded, offset);
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
