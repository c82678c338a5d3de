// File-system checks shared by the corpus readers: a missing or empty corpus folder becomes one readable error.
// Readers call these before scanning so users learn which folder or file was expected where.

import fs from 'node:fs';
import { VoiceCloneError } from '../../errors';

/** Throws DATA_MISSING unless `dir` is an existing directory. */
export function requireDir(dir: string, what: string): void {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new VoiceCloneError('DATA_MISSING', `${what}: folder not found at ${dir}`);
  }
}

/** Throws DATA_MISSING unless `file` is an existing regular file. */
export function requireFile(file: string, what: string): void {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    throw new VoiceCloneError('DATA_MISSING', `${what}: file not found at ${file}`);
  }
}

/** Sorted names of the sub-directories of `dir`. */
export function subdirs(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

/** Sorted names of the regular files in `dir` whose names end with one of `extensions` (case-insensitive). */
export function filesWithExt(dir: string, extensions: readonly string[]): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isFile() && extensions.some((e) => d.name.toLowerCase().endsWith(e)))
    .map((d) => d.name)
    .sort();
}

/** Throws DATA_MISSING when a reader found no utterances, naming the folder and the expected layout. */
export function requireSome<T>(items: T[], root: string, layout: string): T[] {
  if (items.length === 0) {
    throw new VoiceCloneError('DATA_MISSING', `No utterances found in ${root} (expected ${layout})`);
  }
  return items;
}
