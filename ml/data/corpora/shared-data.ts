// Reader for the whole ../shared/data folder: VCC2016, the LibriSpeech subset and FSDD as one corpus.
// Utterances keep their own `corpus` field, so callers filter by it when they need one source.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFsdd } from './fsdd';
import { readLibriSpeechSubset } from './librispeech-subset';
import { makeCorpus, type Corpus } from './types';
import { readVcc2016 } from './vcc2016';

/** ../shared/data resolved from the repository root. */
export const SHARED_DATA_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/data');

/** Reads all three corpora under `root`; a missing one raises DATA_MISSING naming its folder. */
export function readSharedData(root = SHARED_DATA_ROOT): Corpus {
  const parts = [
    readVcc2016(path.join(root, 'vcc2016')),
    readLibriSpeechSubset(path.join(root, 'librispeech-subset')),
    readFsdd(path.join(root, 'fsdd')),
  ];
  return makeCorpus(
    'shared-data',
    parts.flatMap((c) => c.utterances),
    parts.flatMap((c) => c.skipped),
  );
}
