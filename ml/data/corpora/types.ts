// The common utterance record every corpus reader returns, so training and evaluation code never sees a layout.
// Paths are absolute; text is the transcript when the corpus has one; split follows the corpus's own convention.

export type Split = 'train' | 'eval' | 'test';

export type Gender = 'F' | 'M';

export interface Utterance {
  /** Unique within its corpus, e.g. `SF1_100001`. */
  id: string;
  speaker: string;
  /** Absolute path of the audio file. */
  path: string;
  text?: string;
  corpus: string;
  split?: Split;
  /** Speaker gender where the corpus records it. */
  gender?: Gender;
}

export interface Corpus {
  name: string;
  utterances: Utterance[];
  /** Distinct speakers, sorted. */
  speakers: string[];
  /** One readable line per entry the reader skipped (malformed line, missing audio or text). */
  skipped: string[];
}

/** Builds a Corpus from its utterances, deriving the sorted speaker list. */
export function makeCorpus(name: string, utterances: Utterance[], skipped: string[] = []): Corpus {
  const speakers = [...new Set(utterances.map((u) => u.speaker))].sort();
  return { name, utterances, speakers, skipped };
}
