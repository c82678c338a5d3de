// Cuts one long recording into clips of about a target length, moving each cut into the nearest pause between words
// (found by the VAD) so words are not split; used for LibriSpeech speakers, who have one ~12 s clip each (the cloning
// bench and encoder training).

import { VoiceCloneError } from '../errors';
import type { MonoAudio } from './types';
import { speechRegions } from './vad';

/** A cut may move this far (seconds) to land in a pause. */
const MAX_SHIFT_SECONDS = 0.75;

/**
 * Splits `audio` into floor(duration / target) pieces (at least 1) of about equal length; each cut moves to the middle
 * of the nearest pause within 0.75 s, else stays where it is.
 */
export function cutIntoSegments(audio: MonoAudio, targetSeconds: number): MonoAudio[] {
  if (!(targetSeconds > 0)) throw new VoiceCloneError('BAD_ARGUMENT', `Segment length must be positive, not ${targetSeconds}.`);
  const duration = audio.samples.length / audio.sampleRate;
  const count = Math.max(1, Math.floor(duration / targetSeconds));
  const regions = speechRegions(audio);
  const pauses = regions.slice(1).map((r, k) => (regions[k].end + r.start) / 2);
  const cuts = [0];
  for (let k = 1; k < count; k++) {
    const even = (k * duration) / count;
    const nearest = pauses.reduce((best, p) => (Math.abs(p - even) < Math.abs(best - even) ? p : best), Infinity);
    cuts.push(Math.abs(nearest - even) <= MAX_SHIFT_SECONDS && nearest > cuts[cuts.length - 1] ? nearest : even);
  }
  cuts.push(duration);
  return cuts.slice(1).map((end, k) => ({
    samples: audio.samples.slice(Math.round(cuts[k] * audio.sampleRate), Math.round(end * audio.sampleRate)),
    sampleRate: audio.sampleRate,
  }));
}
