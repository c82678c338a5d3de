// Test fixtures for the corpus readers: tiny fake corpora built in a temp dir from real VCC2016 speech
// converted with sox (the shared data root comes from test/support).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sharedDataRoot } from '../../../support/shared-data';

/** A fresh temp dir for one fake corpus. */
export function tempCorpusDir(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `corpus-${name}-`));
}

/** Writes real speech to `dest` (format from its extension) at `rate` Hz, from one of two VCC2016 readings. */
export function writeSpeech(dest: string, rate: number, which: 0 | 1 = 0): void {
  const src = path.join(sharedDataRoot(), 'vcc2016/train', which === 0 ? 'SF1' : 'TM1', '100001.flac');
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  execFileSync('sox', [src, '-r', String(rate), '-b', '16', '-c', '1', dest, 'trim', '0', '1']);
}

/** Writes a text file, creating its folder. */
export function writeText(file: string, content: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}
