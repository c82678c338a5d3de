// The bench's resume cache: each finished (speaker, N, method) cell is one JSON file in <out>/cache/, reused by a later
// run only when its fingerprint (models and settings) matches; anything else is measured again.

import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CloneMethod } from '../../cloning/library/types';
import { writeFileAtomic } from '../../files';
import type { CellResult } from './cell';

/** The folder of cached cells inside the output folder. */
export const cacheDir = (out: string): string => path.join(out, 'cache');

export function cellFile(out: string, speaker: string, n: number, method: CloneMethod): string {
  return path.join(cacheDir(out), `${speaker.replace(':', '_')}-N${n}-${method}.json`);
}

/** A stable hash of whatever the figures depend on. */
export function fingerprint(parts: unknown): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 16);
}

/** The cached cell, or null when absent, unreadable or made under another fingerprint. */
export async function readCachedCell(file: string, expected: string): Promise<CellResult | null> {
  try {
    const cell = JSON.parse(await readFile(file, 'utf8')) as CellResult;
    return cell.fingerprint === expected ? cell : null;
  } catch {
    return null; // not there yet, or a damaged file: measure again
  }
}

export async function writeCachedCell(file: string, cell: CellResult): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, JSON.stringify(cell));
}
