// Parser for the LibriSpeech / LibriTTS speaker table (SPEAKERS.TXT: `ID | SEX | SUBSET | MINUTES | NAME`).
// Both corpora ship the same format; readers use it to attach each speaker's gender.

import fs from 'node:fs';
import type { Gender } from './types';

/** Maps speaker id to gender; `;` comment lines and rows without an F/M sex field are ignored. */
export function parseLibriSpeakers(content: string): Map<string, Gender> {
  const genders = new Map<string, Gender>();
  for (const line of content.split('\n')) {
    if (line.startsWith(';')) continue;
    const [id, sex] = line.split('|').map((f) => f.trim());
    if (id && /^\d+$/.test(id) && (sex === 'F' || sex === 'M')) genders.set(id, sex);
  }
  return genders;
}

/** Reads the first of `candidates` that exists; no file gives an empty map (genders stay unknown). */
export function readLibriSpeakers(candidates: readonly string[]): Map<string, Gender> {
  const file = candidates.find((f) => fs.existsSync(f));
  return file ? parseLibriSpeakers(fs.readFileSync(file, 'utf8')) : new Map();
}
