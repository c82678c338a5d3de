// What the verifier hears: audio read through the project's one loader (ml/audio/load.ts: mono, 16 kHz, DC removed,
// at least half a second of speech, leading and trailing silence trimmed) without loudness normalization.

import { loadClip, prepareClip } from '../../audio/load';
import type { MonoAudio } from '../../audio/types';

/** Audio in memory at any rate → the verifier's input form; `name` labels errors. */
export function prepareSpeech(audio: MonoAudio, name = 'The audio'): MonoAudio {
  return prepareClip({ channels: [audio.samples], sampleRate: audio.sampleRate, format: 'samples' }, name, { normalize: false }).audio;
}

/** An audio file → the verifier's input form. */
export async function readSpeech(file: string): Promise<MonoAudio> {
  return (await loadClip(file, { normalize: false })).audio;
}
