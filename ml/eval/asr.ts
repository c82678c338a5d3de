// Speech recognition for evaluation: transcribes a 16 kHz mono 16-bit WAV with pocketsphinx (Debian's
// pocketsphinx + pocketsphinx-en-us) and compares transcripts by word edit distance.

import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { promisify } from 'node:util';
import wavefile from 'wavefile';
import { VoiceCloneError } from '../errors';
import { SAMPLE_RATE } from '../audio/config';

const run = promisify(execFile);
const POCKETSPHINX = 'pocketsphinx_continuous';

async function checkWav(wavPath: string): Promise<void> {
  let bytes: Buffer;
  try {
    bytes = await readFile(wavPath);
  } catch (e) {
    throw new VoiceCloneError('FILE_NOT_FOUND', `Cannot read ${wavPath} for speech recognition.`, { cause: e });
  }
  let fmt: { sampleRate: number; numChannels: number; bitsPerSample: number; audioFormat: number };
  try {
    const wav = new wavefile.WaveFile(bytes);
    fmt = wav.fmt as typeof fmt;
  } catch (e) {
    throw new VoiceCloneError('NOT_AUDIO', `${wavPath} is not a WAV file.`, { cause: e });
  }
  if (fmt.sampleRate !== SAMPLE_RATE || fmt.numChannels !== 1 || fmt.bitsPerSample !== 16 || fmt.audioFormat !== 1) {
    throw new VoiceCloneError(
      'BAD_ARGUMENT',
      `pocketsphinx needs 16 kHz mono 16-bit PCM WAV; ${wavPath} is ${fmt.sampleRate} Hz, ${fmt.numChannels} channel(s), ${fmt.bitsPerSample}-bit.`,
    );
  }
}

/** Splits a transcript into lower-case words (letters, digits and apostrophes). */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9']+/g) ?? [];
}

/** Transcribes a 16 kHz mono 16-bit PCM WAV file with pocketsphinx's US English model: lower-case words. */
export async function recognize(wavPath: string): Promise<string> {
  await checkWav(wavPath);
  try {
    const { stdout } = await run(POCKETSPHINX, ['-infile', wavPath, '-logfn', os.devNull], { maxBuffer: 16 * 1024 * 1024 });
    return words(stdout).join(' ');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new VoiceCloneError('TOOL_MISSING', `${POCKETSPHINX} is not installed; install the Debian packages pocketsphinx and pocketsphinx-en-us.`, { cause: e });
    }
    throw new VoiceCloneError('TOOL_MISSING', `${POCKETSPHINX} failed on ${wavPath}: ${String((e as Error).message).split('\n')[0]}`, { cause: e });
  }
}

/** Levenshtein distance between two word sequences (substitutions, insertions and deletions each cost 1). */
export function wordEditDistance(a: string[], b: string[]): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}
