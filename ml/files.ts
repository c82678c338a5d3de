// Crash-safe file writes for everything the engine saves (audio, caches, weights, voices): write a temp file, then
// rename it over the target, so a reader sees the old file or the new one, never half of one.
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';

/** Writes `content` to `file` atomically; on failure the temp file is removed and the error rethrown. */
export async function writeFileAtomic(file: string, content: Uint8Array | string): Promise<void> {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, content);
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}
