// What `voiceclone info` reports about a recording: container and codec, duration, rate, channels, seconds of speech,
// median F0, speech loudness, peak, noise floor and warnings. Bad input fails with the loader's typed errors.

import { basename } from 'node:path';
import { LIMITS } from './config';
import { decodeAudioFile } from './decode';
import { medianF0 } from './f0';
import { noiseFloorDbfs, peakDbfs } from './levels';
import { inspectClip } from './load';
import { activeLevelDbfs } from './loudness';

export interface AudioReport {
  file: string;
  /** Container and codec as detected, e.g. 'wav-pcm16', 'flac', 'mp3', 'ogg-vorbis'. */
  format: string;
  durationSeconds: number;
  /** The file's own sample rate (Hz). */
  sampleRate: number;
  channels: number;
  speechSeconds: number;
  /** Median F0 of voiced frames (Hz); null when too little is voiced. */
  medianF0Hz: number | null;
  /** Active speech level, dBFS. */
  loudnessDbfs: number;
  /** Highest sample of any channel in the file, dBFS. */
  peakDbfs: number;
  noiseFloorDbfs: number;
  /** Warning messages, one line each. */
  warnings: string[];
}

/**
 * Describes an audio file; measurements after mixing to mono and resampling, without trimming or normalizing.
 * Files that cannot be cloned from (silent, too little speech) are still described, with the reason as a warning;
 * files that cannot be read at all fail with the decoder's typed errors.
 */
export async function analyzeAudio(path: string): Promise<AudioReport> {
  const decoded = await decodeAudioFile(path, { maxSeconds: LIMITS.maxSeconds });
  const clip = inspectClip(decoded, basename(path));
  const sampleRate = decoded.sampleRate;
  return {
    file: path,
    format: decoded.format,
    durationSeconds: decoded.channels[0].length / sampleRate,
    sampleRate,
    channels: decoded.channels.length,
    speechSeconds: clip.speechSeconds,
    medianF0Hz: medianF0(clip.audio),
    loudnessDbfs: activeLevelDbfs(clip.audio),
    peakDbfs: Math.max(...decoded.channels.map((samples) => peakDbfs({ samples, sampleRate }))),
    noiseFloorDbfs: noiseFloorDbfs(clip.audio),
    warnings: [...(clip.unusable ? [clip.unusable.message] : []), ...clip.warnings.map((w) => w.message)],
  };
}
