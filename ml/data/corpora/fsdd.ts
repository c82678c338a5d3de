// Reader for the Free Spoken Digit Dataset in ../shared/data/fsdd (<digit>_<speaker>_<take>.flac, 8 kHz).
// Text is the spoken digit as an English word; takes 0-4 are the test split by the dataset's convention.

import path from 'node:path';
import { filesWithExt, requireDir, requireSome } from './fs-checks';
import { makeCorpus, type Corpus, type Utterance } from './types';

const DIGIT_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** The six speakers of the shared copy, all male (README); other speakers get no gender. */
const MALE_SPEAKERS = new Set(['george', 'jackson', 'lucas', 'nicolas', 'theo', 'yweweler']);

/** Reads `root` (the fsdd folder). */
export function readFsdd(root: string): Corpus {
  requireDir(root, 'Free Spoken Digit Dataset');
  const utterances: Utterance[] = [];
  const skipped: string[] = [];
  for (const file of filesWithExt(root, ['.flac', '.wav'])) {
    const id = path.parse(file).name;
    const m = /^(\d)_([a-z]+)_(\d+)$/.exec(id);
    if (!m) {
      skipped.push(`${file}: name is not <digit>_<speaker>_<take>`);
      continue;
    }
    utterances.push({
      id,
      speaker: m[2],
      path: path.join(root, file),
      text: DIGIT_WORDS[Number(m[1])],
      corpus: 'fsdd',
      split: Number(m[3]) <= 4 ? 'test' : 'train',
      gender: MALE_SPEAKERS.has(m[2]) ? 'M' : undefined,
    });
  }
  return makeCorpus('fsdd', requireSome(utterances, root, '<digit>_<speaker>_<take>.flac'), skipped);
}
