// Audio checks and the 16 kHz view shared by embedding and detection: both work on the same STFT of a 16 kHz signal.
// Bad input (rate, length, NaN) fails here with one readable line before any signal work starts.

import { SAMPLE_RATE } from '../audio/config';
import { resample } from '../audio/resample';
import type { MonoAudio } from '../audio/types';
import { VoiceCloneError } from '../errors';

/** Shortest audio the watermark handles (seconds): a few STFT frames at 16 kHz. */
export const MIN_SECONDS = 0.1;

/** Validates `audio` and returns its samples at 16 kHz. */
export function samplesAt16k(audio: MonoAudio, what: string): Float32Array {
  const { samples, sampleRate } = audio;
  if (!Number.isInteger(sampleRate) || sampleRate <= 0) {
    throw new VoiceCloneError('BAD_ARGUMENT', `Cannot ${what} audio at ${sampleRate} Hz: the rate must be a whole number of Hz.`);
  }
  if (samples.length < MIN_SECONDS * sampleRate) {
    throw new VoiceCloneError('TOO_SHORT', `Cannot ${what} ${(samples.length / sampleRate).toFixed(3)} s of audio; it needs at least ${MIN_SECONDS} s.`);
  }
  const bad = samples.findIndex((x) => !Number.isFinite(x));
  if (bad >= 0) throw new VoiceCloneError('INVALID_SAMPLES', `Cannot ${what} audio: sample ${bad} is not a finite number.`);
  return sampleRate === SAMPLE_RATE ? samples : resample(samples, sampleRate, SAMPLE_RATE);
}
