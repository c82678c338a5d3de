// Where tests find the real speech in ../shared/data, failing with a clear message when the folder is missing.
// The location itself comes from the engine (SHARED_DATA_ROOT), so tests and corpus readers agree.
import fs from 'node:fs';
import path from 'node:path';
import { SHARED_DATA_ROOT } from '../../ml/data/corpora/shared-data';

/** ../shared/data, or an error saying where it was expected. */
export function sharedDataRoot(): string {
  if (!fs.existsSync(SHARED_DATA_ROOT)) {
    throw new Error(`These tests need the shared speech data at ${SHARED_DATA_ROOT} (see its README).`);
  }
  return SHARED_DATA_ROOT;
}

/** A file under ../shared/data. */
export function sharedData(relative: string): string {
  return path.join(sharedDataRoot(), relative);
}
