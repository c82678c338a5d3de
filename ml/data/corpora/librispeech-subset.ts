// Reader for the one-clip-per-speaker LibriSpeech subset in ../shared/data/librispeech-subset (no transcripts).
// Files are train-clean-100/<speaker>-<chapter>-<utterance>.flac; gender comes from SPEAKERS.TXT.

import path from 'node:path';
import { filesWithExt, requireDir, requireSome } from './fs-checks';
import { readLibriSpeakers } from './libri-speakers';
import { makeCorpus, type Corpus, type Utterance } from './types';

/** Reads `root` (the librispeech-subset folder). */
export function readLibriSpeechSubset(root: string): Corpus {
  const audioDir = path.join(root, 'train-clean-100');
  requireDir(audioDir, 'LibriSpeech subset');
  const genders = readLibriSpeakers([path.join(audioDir, 'SPEAKERS.TXT'), path.join(root, 'SPEAKERS.TXT')]);
  const utterances: Utterance[] = [];
  const skipped: string[] = [];
  for (const file of filesWithExt(audioDir, ['.flac', '.wav'])) {
    const id = path.parse(file).name;
    const m = /^(\d+)-\d+-\d+$/.exec(id);
    if (!m) {
      skipped.push(`${file}: name is not <speaker>-<chapter>-<utterance>`);
      continue;
    }
    utterances.push({
      id,
      speaker: m[1],
      path: path.join(audioDir, file),
      corpus: 'librispeech-subset',
      split: 'train',
      gender: genders.get(m[1]),
    });
  }
  return makeCorpus(
    'librispeech-subset',
    requireSome(utterances, root, 'train-clean-100/<speaker>-<chapter>-<utterance>.flac'),
    skipped,
  );
}
