// Voice-activity detection by frame energy against an adaptive threshold (noise floor + margin), with gap bridging
// and hangover; trimming leading/trailing silence and counting seconds of speech build on it.

import { VoiceCloneError } from '../errors';
import { DBFS_FLOOR, frameLevelsDbfs, levelFrameGrid, percentile } from './levels';
import type { MonoAudio } from './types';

export interface SpeechRegion {
  /** Seconds from the start of the audio. */
  start: number;
  end: number;
}

/** Speech must be this far above the noise floor (dB). */
const MARGIN_DB = 12;
/** The noise floor the threshold adapts to: this percentile of frame levels. */
const FLOOR_PERCENTILE = 0.1;
/** Nor may speech be further than this below the loudest frames (dB): residue between words over digital silence. */
const RANGE_DB = 40;
/** The loudest frames: this percentile of frame levels. */
const TOP_PERCENTILE = 0.99;
/** Nothing quieter than this is speech, however clean the recording (dBFS): 10 dB above 16-bit quantization noise. */
const MIN_SPEECH_DBFS = -90;
/** Pauses shorter than this stay inside one region (seconds). */
const BRIDGE_SECONDS = 0.3;
/** Bursts shorter than this (clicks, pops) are not speech (seconds). */
const MIN_REGION_SECONDS = 0.1;
/** Speech is held on this long after the energy drops, for trailing consonants (seconds). */
const HANGOVER_SECONDS = 0.1;

function checkAudio(audio: MonoAudio): void {
  if (!(audio.sampleRate > 0) || !Number.isFinite(audio.sampleRate)) {
    throw new VoiceCloneError('BAD_ARGUMENT', `Sample rate must be a positive number, not ${audio.sampleRate}.`);
  }
}

/** The level a frame must exceed to count as speech, dBFS; it moves with the recording's gain. */
export function speechThresholdDbfs(levels: Float32Array): number {
  return Math.max(
    percentile(levels, FLOOR_PERCENTILE) + MARGIN_DB,
    percentile(levels, TOP_PERCENTILE) - RANGE_DB,
    MIN_SPEECH_DBFS,
  );
}

/** Stretches of speech, in seconds, in time order and not overlapping. */
export function speechRegions(audio: MonoAudio): SpeechRegion[] {
  checkAudio(audio);
  const levels = frameLevelsDbfs(audio);
  const { frame, hop } = levelFrameGrid(audio);
  const sr = audio.sampleRate;
  const duration = audio.samples.length / sr;
  const threshold = speechThresholdDbfs(levels);
  const raw: SpeechRegion[] = [];
  for (let f = 0; f < levels.length; f++) {
    if (levels[f] <= threshold || levels[f] <= DBFS_FLOOR) continue;
    const start = (f * hop) / sr;
    const end = Math.min(duration, (f * hop + frame) / sr);
    const last = raw[raw.length - 1];
    if (last && start - last.end < BRIDGE_SECONDS) last.end = end;
    else raw.push({ start, end });
  }
  const regions: SpeechRegion[] = [];
  for (const r of raw) {
    if (r.end - r.start < MIN_REGION_SECONDS) continue;
    const end = Math.min(duration, r.end + HANGOVER_SECONDS);
    const last = regions[regions.length - 1];
    if (last && r.start <= last.end) last.end = end;
    else regions.push({ start: r.start, end });
  }
  return regions;
}

/** Total seconds of speech. */
export function speechSeconds(audio: MonoAudio): number {
  return speechRegions(audio).reduce((sum, r) => sum + (r.end - r.start), 0);
}

/** Cuts leading and trailing non-speech, keeping `padSeconds` around the speech; audio without speech is returned whole. */
export function trimSilence(audio: MonoAudio, padSeconds = 0.1): MonoAudio {
  if (!(padSeconds >= 0) || !Number.isFinite(padSeconds)) {
    throw new VoiceCloneError('BAD_ARGUMENT', `Silence padding must be zero or more seconds, not ${padSeconds}.`);
  }
  const regions = speechRegions(audio);
  if (regions.length === 0) return { samples: audio.samples.slice(), sampleRate: audio.sampleRate };
  const sr = audio.sampleRate;
  const from = Math.max(0, Math.floor((regions[0].start - padSeconds) * sr));
  const to = Math.min(audio.samples.length, Math.ceil((regions[regions.length - 1].end + padSeconds) * sr));
  return { samples: audio.samples.slice(from, to), sampleRate: sr };
}
