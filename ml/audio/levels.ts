// Signal levels in dBFS (RMS relative to a full-scale square wave, so a full-scale sine is -3 dBFS): per frame, the
// noise floor, the peak and clipping. The one measuring stick shared by voice-activity detection and loudness.

import type { MonoAudio } from './types';

/** Lowest level reported (dBFS); digital silence reads as this instead of -Infinity. */
export const DBFS_FLOOR = -120;
/** Samples at or above this magnitude count as clipped (-0.009 dBFS). */
export const CLIP_LEVEL = 0.999;
/** Frame length and hop used for level statistics (seconds). */
export const LEVEL_FRAME = { frameSeconds: 0.02, hopSeconds: 0.01 } as const;
/** The noise floor is this percentile of frame levels. */
const NOISE_PERCENTILE = 0.1;

/** dBFS of a mean square (power), floored at DBFS_FLOOR. */
export function powerDbfs(meanSquare: number): number {
  return meanSquare > 0 ? Math.max(DBFS_FLOOR, 10 * Math.log10(meanSquare)) : DBFS_FLOOR;
}

/** Frames of the level grid: frame i covers samples [i·hop, i·hop + frame). */
export function levelFrameGrid(audio: MonoAudio): { frame: number; hop: number; count: number } {
  const frame = Math.max(1, Math.round(LEVEL_FRAME.frameSeconds * audio.sampleRate));
  const hop = Math.max(1, Math.round(LEVEL_FRAME.hopSeconds * audio.sampleRate));
  const n = audio.samples.length;
  const count = n === 0 ? 0 : n <= frame ? 1 : Math.floor((n - frame) / hop) + 1;
  return { frame, hop, count };
}

/** RMS level of each frame of the level grid around the frame's mean (a DC offset is not sound), dBFS. */
export function frameLevelsDbfs(audio: MonoAudio): Float32Array {
  const { frame, hop, count } = levelFrameGrid(audio);
  const x = audio.samples;
  const levels = new Float32Array(count);
  for (let f = 0; f < count; f++) {
    const end = Math.min(x.length, f * hop + frame);
    const n = end - f * hop;
    let sum = 0;
    let sumSq = 0;
    for (let i = f * hop; i < end; i++) {
      sum += x[i];
      sumSq += x[i] * x[i];
    }
    levels[f] = powerDbfs(Math.max(0, sumSq / n - (sum / n) ** 2));
  }
  return levels;
}

/** The p-quantile (0–1) of the values, by nearest rank. */
export function percentile(values: Float32Array, p: number): number {
  if (values.length === 0) return DBFS_FLOOR;
  const sorted = values.slice().sort();
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

/** Background level: the 10th percentile of frame levels, dBFS. */
export function noiseFloorDbfs(audio: MonoAudio): number {
  return percentile(frameLevelsDbfs(audio), NOISE_PERCENTILE);
}

/** Largest sample magnitude, dBFS. */
export function peakDbfs(audio: MonoAudio): number {
  let peak = 0;
  for (const v of audio.samples) peak = Math.max(peak, Math.abs(v));
  return powerDbfs(peak * peak);
}

/** Share of samples (0–1) at or above CLIP_LEVEL in magnitude. */
export function clippingRatio(audio: MonoAudio): number {
  if (audio.samples.length === 0) return 0;
  let clipped = 0;
  for (const v of audio.samples) if (Math.abs(v) >= CLIP_LEVEL) clipped++;
  return clipped / audio.samples.length;
}
