// Reader for the LJSpeech layout users bring: metadata.csv (`id|text|normalized text`) and wavs/<id>.wav.
// One female speaker; the normalized text is preferred; malformed lines and missing audio are skipped and listed.

import fs from 'node:fs';
import path from 'node:path';
import { requireDir, requireFile, requireSome } from './fs-checks';
import { makeCorpus, type Corpus, type Utterance } from './types';

/** Reads `root` (the folder holding metadata.csv and wavs/). */
export function readLjSpeech(root: string): Corpus {
  requireDir(root, 'LJSpeech corpus');
  const metadata = path.join(root, 'metadata.csv');
  requireFile(metadata, 'LJSpeech metadata');
  requireDir(path.join(root, 'wavs'), 'LJSpeech audio');
  const utterances: Utterance[] = [];
  const skipped: string[] = [];
  fs.readFileSync(metadata, 'utf8')
    .split(/\r?\n/)
    .forEach((line, k) => {
      if (line.trim() === '') return;
      const [id, text, normalized] = line.split('|').map((f) => f.trim());
      const chosen = normalized || text;
      if (!id || !chosen || !/^[\w.-]+$/.test(id)) {
        skipped.push(`metadata.csv line ${k + 1}: not "id|text|normalized text"`);
        return;
      }
      const wav = path.join(root, 'wavs', `${id}.wav`);
      if (!fs.existsSync(wav)) {
        skipped.push(`metadata.csv line ${k + 1}: no wavs/${id}.wav`);
        return;
      }
      utterances.push({ id, speaker: 'LJ', path: wav, text: chosen, corpus: 'ljspeech', gender: 'F' });
    });
  return makeCorpus('ljspeech', requireSome(utterances, root, 'metadata.csv lines "id|text|normalized" and wavs/<id>.wav'), skipped);
}
