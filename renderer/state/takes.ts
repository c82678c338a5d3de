// A take: one recorded or imported clip with its text, its trim handles and what the engine found in it.
import type { ClipReport } from '../../ml/api';
import { encodeWav, sliceSeconds, type Samples } from '../audio/wav';

export interface Take extends Samples {
  id: string;
  /** Shown name, also the file name the engine sees. */
  name: string;
  /** What the clip says. */
  text: string;
  /** Index of the prompted sentence it reads, null for imported files. */
  promptIndex: number | null;
  /** Kept part, seconds from the start. */
  trim: { start: number; end: number };
  /** The engine's inspection of the kept part; null while it runs. */
  report: ClipReport | null;
  /** Why inspection failed, if it did. */
  error: string | null;
}

export function durationOf(t: Samples): number {
  return t.samples.length / t.sampleRate;
}

/** The kept part as WAV bytes, as sent to the engine. */
export function takeWav(t: Take): Uint8Array {
  return encodeWav(sliceSeconds(t, t.trim.start, t.trim.end), t.sampleRate);
}

/** A .wav file name for a take. */
export function takeFileName(t: Take): string {
  return t.name.toLowerCase().endsWith('.wav') ? t.name : `${t.name.replace(/\.[a-z0-9]+$/i, '')}.wav`;
}

/** Takes the engine found usable. */
export function usableTakes(takes: readonly Take[]): Take[] {
  return takes.filter((t) => t.report?.usable === true);
}
