// The committed VCC2016 consensus transcripts (assets/data/vcc2016-transcripts.tsv): reading, writing, validating.
// One row per parallel sentence: id (file number), split, voted text, agreement between the 10 readings.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { VoiceCloneError } from '../errors';

export interface SentenceTranscript {
  /** VCC2016 file number, e.g. `100001` (train) or `200001` (eval). */
  id: string;
  split: 'train' | 'eval';
  text: string;
  /** Mean fraction of readings agreeing with each consensus word, in [0, 1]. */
  agreement: number;
}

export const VCC2016_TRANSCRIPTS_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../assets/data/vcc2016-transcripts.tsv',
);

const HEADER = 'id\tsplit\ttext\tagreement';

/** Parses the TSV text: `#` comment lines and the column header are skipped; any malformed row throws. */
export function parseVcc2016Transcripts(content: string, source: string): SentenceTranscript[] {
  const rows: SentenceTranscript[] = [];
  content.split('\n').forEach((line, k) => {
    if (line.trim() === '' || line.startsWith('#') || line === HEADER) return;
    const fields = line.split('\t');
    const agreement = Number(fields[3]);
    if (
      fields.length !== 4 ||
      !/^[12]\d{5}$/.test(fields[0]) ||
      (fields[1] !== 'train' && fields[1] !== 'eval') ||
      fields[3] === '' ||
      !(agreement >= 0 && agreement <= 1)
    ) {
      throw new VoiceCloneError('DATA_MISSING', `${source} line ${k + 1} is not "id<TAB>split<TAB>text<TAB>agreement"`);
    }
    rows.push({ id: fields[0], split: fields[1], text: fields[2], agreement });
  });
  return rows;
}

/** Reads the committed transcripts as a map from file number to row; an absent file gives an empty map. */
export function readVcc2016Transcripts(file = VCC2016_TRANSCRIPTS_FILE): Map<string, SentenceTranscript> {
  if (!fs.existsSync(file)) return new Map();
  const rows = parseVcc2016Transcripts(fs.readFileSync(file, 'utf8'), file);
  return new Map(rows.map((r) => [r.id, r]));
}

/** Formats rows (with `#` comment lines first) as the TSV file's text. */
export function formatVcc2016Transcripts(rows: readonly SentenceTranscript[], comments: readonly string[]): string {
  const body = rows.map((r) => `${r.id}\t${r.split}\t${r.text}\t${r.agreement.toFixed(3)}`);
  return [...comments.map((c) => `# ${c}`), HEADER, ...body, ''].join('\n');
}
