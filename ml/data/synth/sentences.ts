// The synthetic corpus's committed sentence list (sentences.txt, one sentence a line, exact text the engines speak)
// and its fixed held-out share: a sentence is held out by a hash of its text alone, whatever the seed.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { VoiceCloneError } from '../../errors';
import { unitHash } from './hash';

export const SENTENCES_FILE = fileURLToPath(new URL('./sentences.txt', import.meta.url));

/** Share of sentences held out for testing on unseen text. */
export const HELD_OUT_SENTENCE_SHARE = 0.05;

export function isHeldOutSentence(text: string): boolean {
  return unitHash('heldout-sentence', text) < HELD_OUT_SENTENCE_SHARE;
}

export function formatSentences(sentences: readonly string[]): string {
  return `${sentences.join('\n')}\n`;
}

/** Reads the committed sentence list. */
export function loadSentences(file = SENTENCES_FILE): string[] {
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (e) {
    throw new VoiceCloneError('DATA_MISSING', `Cannot read the sentence list ${file}.`, { cause: e });
  }
  const sentences = content.split('\n').filter((line) => line.trim().length > 0);
  if (sentences.length === 0) throw new VoiceCloneError('DATA_MISSING', `The sentence list ${file} is empty.`);
  return sentences;
}
