// Reads and writes only the files a person chose in a dialog run by the main process, with the same size limits
// as IPC payloads; the window receives bytes and base names, never a path it could reuse.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { AudioInput } from '../ml/api';
import { VoiceCloneError } from '../ml/errors';
import { writeFileAtomic } from '../ml/files';
import { IPC_LIMITS } from './validate';

/** File extensions the audio picker offers. */
export const AUDIO_EXTENSIONS = ['wav', 'flac', 'mp3', 'ogg'] as const;
/** Extension of an exported voice. */
export const VOICE_EXTENSION = 'voice';

async function readLimited(file: string, maxBytes: number): Promise<Uint8Array> {
  const info = await stat(file);
  if (!info.isFile()) throw new VoiceCloneError('BAD_ARGUMENT', `${path.basename(file)} is not a file.`);
  if (info.size > maxBytes) {
    throw new VoiceCloneError('BAD_ARGUMENT', `${path.basename(file)} is larger than ${maxBytes / 1024 / 1024} MiB.`);
  }
  return new Uint8Array(await readFile(file));
}

/** The picked audio files' bytes, named by their base names. */
export async function readPickedAudio(files: readonly string[]): Promise<AudioInput[]> {
  const out: AudioInput[] = [];
  for (const file of files) out.push({ name: path.basename(file), bytes: await readLimited(file, IPC_LIMITS.audioBytes) });
  return out;
}

/** The picked voice file's bytes. */
export function readPickedVoice(file: string): Promise<Uint8Array> {
  return readLimited(file, IPC_LIMITS.voiceBytes);
}

/** Writes bytes to the file the person chose in a save dialog; returns its base name. */
export async function writeChosenFile(file: string, bytes: Uint8Array): Promise<string> {
  await writeFileAtomic(file, bytes);
  return path.basename(file);
}
