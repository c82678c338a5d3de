// Reader for the LibriTTS layout users bring: <subset>/<speaker>/<chapter>/<utt>.wav with <utt>.normalized.txt
// (or .original.txt); `root` is either one subset folder or the LibriTTS folder holding several subsets.

import fs from 'node:fs';
import path from 'node:path';
import { filesWithExt, requireDir, requireSome, subdirs } from './fs-checks';
import { readLibriSpeakers } from './libri-speakers';
import { makeCorpus, type Corpus, type Gender, type Split, type Utterance } from './types';

/** The split a LibriTTS subset name implies: train-*, dev-* (eval), test-*. */
function subsetSplit(subset: string): Split | undefined {
  if (subset.startsWith('train')) return 'train';
  if (subset.startsWith('dev')) return 'eval';
  if (subset.startsWith('test')) return 'test';
  return undefined;
}

function readSubset(
  dir: string,
  split: Split | undefined,
  genders: Map<string, Gender>,
  utterances: Utterance[],
  skipped: string[],
): void {
  for (const speaker of subdirs(dir).filter((s) => /^\d+$/.test(s))) {
    for (const chapter of subdirs(path.join(dir, speaker))) {
      const chapterDir = path.join(dir, speaker, chapter);
      for (const file of filesWithExt(chapterDir, ['.wav'])) {
        const id = path.parse(file).name;
        const textFile = ['.normalized.txt', '.original.txt']
          .map((ext) => path.join(chapterDir, `${id}${ext}`))
          .find((f) => fs.existsSync(f));
        const text = textFile ? fs.readFileSync(textFile, 'utf8').replace(/\s+/g, ' ').trim() : '';
        if (text === '') {
          skipped.push(`${speaker}/${chapter}/${file}: no ${id}.normalized.txt or ${id}.original.txt with text`);
          continue;
        }
        utterances.push({
          id,
          speaker,
          path: path.join(chapterDir, file),
          text,
          corpus: 'libritts',
          split,
          gender: genders.get(speaker),
        });
      }
    }
  }
}

/** Reads `root`: a subset folder (speaker folders inside) or the LibriTTS folder (subset folders inside). */
export function readLibriTts(root: string): Corpus {
  requireDir(root, 'LibriTTS corpus');
  const utterances: Utterance[] = [];
  const skipped: string[] = [];
  const subsets = subdirs(root).filter((d) => subsetSplit(d) !== undefined);
  if (subsets.length > 0) {
    const genders = readLibriSpeakers([path.join(root, 'SPEAKERS.txt')]);
    for (const s of subsets) readSubset(path.join(root, s), subsetSplit(s), genders, utterances, skipped);
  } else {
    const parent = path.dirname(root);
    const genders = readLibriSpeakers([path.join(root, 'SPEAKERS.txt'), path.join(parent, 'SPEAKERS.txt')]);
    readSubset(root, subsetSplit(path.basename(root)), genders, utterances, skipped);
  }
  return makeCorpus(
    'libritts',
    requireSome(utterances, root, '<speaker>/<chapter>/<utt>.wav with <utt>.normalized.txt'),
    skipped,
  );
}
