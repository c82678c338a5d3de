// The bench's text: the fixed sentences every clone speaks (VCC2016 eval sentences, so a real parallel recording exists
// for VCC speakers, or the Harvard sentences) and the VCC2016 training sentences whose consensus text is good enough to clone from.

import { VoiceCloneError } from '../../errors';
import { readVcc2016Transcripts, type SentenceTranscript } from '../../data/vcc2016-transcripts';
import { HARVARD_SENTENCES } from '../harvard-sentences';
import type { SentenceSet } from './options';

/** Consensus transcripts below this agreement are too rough to be a clip's text or a sentence to speak. */
export const MIN_AGREEMENT = 0.7;
/** Synthesis sentences have at least this many words (very short ones say little about a voice). */
const MIN_WORDS = 5;

const byAgreement = (a: SentenceTranscript, b: SentenceTranscript) => b.agreement - a.agreement || a.id.localeCompare(b.id);

function transcripts(): SentenceTranscript[] {
  const rows = [...readVcc2016Transcripts().values()];
  if (rows.length === 0) throw new VoiceCloneError('DATA_MISSING', 'The VCC2016 transcripts (assets/data/vcc2016-transcripts.tsv) are missing.');
  return rows;
}

/** The first `count` synthesis sentences: eval split, ≥ 5 words, agreement ≥ 0.7, most agreed first. */
export function synthesisSentences(count: number): SentenceTranscript[] {
  const chosen = transcripts()
    .filter((t) => t.split === 'eval' && t.agreement >= MIN_AGREEMENT && t.text.split(' ').length >= MIN_WORDS)
    .sort(byAgreement)
    .slice(0, count);
  if (chosen.length < count) throw new VoiceCloneError('DATA_MISSING', `Only ${chosen.length} VCC2016 eval sentences qualify; ${count} were asked for.`);
  return chosen;
}

/** Id prefix of Harvard sentences (`harvard-1` … `harvard-50`): no speaker has a real reading of them. */
const HARVARD_ID = 'harvard-';

/** Whether a bench sentence is a Harvard sentence (then it has no VCC2016 number or consensus agreement). */
export const isHarvardSentence = (s: SentenceTranscript): boolean => s.id.startsWith(HARVARD_ID);

/** The first `count` sentences of a set: VCC2016 synthesis sentences, or Harvard sentences in list order (exact text). */
export function benchSentences(set: SentenceSet, count: number): SentenceTranscript[] {
  if (set === 'vcc2016') return synthesisSentences(count);
  return HARVARD_SENTENCES.slice(0, count).map((text, i) => ({ id: `${HARVARD_ID}${i + 1}`, split: 'eval', text, agreement: 1 }));
}

/** Training-split sentences usable as cloning clips' text (agreement ≥ 0.7), by sentence number. */
export function cloningSentences(): Map<string, SentenceTranscript> {
  return new Map(transcripts().filter((t) => t.split === 'train' && t.agreement >= MIN_AGREEMENT).map((t) => [t.id, t]));
}
