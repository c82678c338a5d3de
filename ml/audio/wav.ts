// Writes mono audio as 16-bit PCM WAV (samples clipped to [-1, 1]); files are written atomically (temp file + rename)
// so a crash never leaves a half-written WAV behind.

import wavefile from 'wavefile';
import { VoiceCloneError } from '../errors';
import type { MonoAudio } from './types';
import { writeFileAtomic } from '../files';

/** Encodes mono audio as a 16-bit PCM WAV file; full scale is 32768, as in decodeAudioBytes. */
export function encodeWav16(audio: MonoAudio): Uint8Array {
  if (!Number.isInteger(audio.sampleRate) || audio.sampleRate <= 0) {
    throw new VoiceCloneError('BAD_ARGUMENT', `Cannot write a WAV at ${audio.sampleRate} Hz: the rate must be a whole number of Hz.`);
  }
  const x = audio.samples;
  const ints = new Int16Array(x.length);
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i])) {
      throw new VoiceCloneError('INVALID_SAMPLES', `Cannot write a WAV: sample ${i} is not a finite number.`);
    }
    ints[i] = Math.max(-32768, Math.min(32767, Math.round(x[i] * 32768)));
  }
  const wav = new wavefile.WaveFile();
  wav.fromScratch(1, audio.sampleRate, '16', ints);
  return wav.toBuffer();
}

/** Writes `audio` to `path` as 16-bit PCM WAV, replacing any file there only once the new one is complete. */
export async function writeWav16(path: string, audio: MonoAudio): Promise<void> {
  const bytes = encodeWav16(audio);
  try {
    await writeFileAtomic(path, bytes);
  } catch (e) {
    throw new VoiceCloneError('BAD_ARGUMENT', `Cannot write ${path}: ${(e as Error).message.split('\n')[0]}`, { cause: e });
  }
}
