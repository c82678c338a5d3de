// Loudness of speech: the active speech level (RMS over the frames the VAD calls speech) and gain normalization to a
// target level, limited so the peak stays at or below -1 dBFS.

import { VoiceCloneError } from '../errors';
import { DBFS_FLOOR, frameLevelsDbfs, peakDbfs, powerDbfs } from './levels';
import type { MonoAudio } from './types';
import { speechThresholdDbfs } from './vad';

/** Highest peak normalization may produce (dBFS). */
export const MAX_PEAK_DBFS = -1;

/** RMS level over the frames the VAD counts as speech, dBFS; over the whole clip when none is. */
export function activeLevelDbfs(audio: MonoAudio): number {
  const levels = frameLevelsDbfs(audio);
  const threshold = speechThresholdDbfs(levels);
  let power = 0;
  let frames = 0;
  for (const level of levels) {
    if (level > threshold) {
      power += 10 ** (level / 10);
      frames++;
    }
  }
  if (frames > 0) return powerDbfs(power / frames);
  let sum = 0;
  for (const v of audio.samples) sum += v * v;
  return audio.samples.length === 0 ? DBFS_FLOOR : powerDbfs(sum / audio.samples.length);
}

/**
 * Scales the audio so its active speech level is `targetDbfs`, or less where that would push the peak above
 * MAX_PEAK_DBFS. Digital silence is returned unchanged.
 */
export function normalizeLoudness(audio: MonoAudio, targetDbfs = -23): MonoAudio {
  if (!Number.isFinite(targetDbfs) || targetDbfs >= MAX_PEAK_DBFS) {
    throw new VoiceCloneError('BAD_ARGUMENT', `Target loudness must be below ${MAX_PEAK_DBFS} dBFS, not ${targetDbfs}.`);
  }
  const peak = peakDbfs(audio);
  if (peak <= DBFS_FLOOR) return { samples: audio.samples.slice(), sampleRate: audio.sampleRate };
  const gainDb = Math.min(targetDbfs - activeLevelDbfs(audio), MAX_PEAK_DBFS - peak);
  const gain = 10 ** (gainDb / 20);
  return { samples: audio.samples.map((v) => v * gain), sampleRate: audio.sampleRate };
}
