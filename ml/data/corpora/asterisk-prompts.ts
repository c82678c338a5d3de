// Reader for Debian's asterisk-core-sounds-en-wav prompts (one professional female voice, 8 kHz WAV) with their text.
// The text comes from core-sounds-en.txt(.gz) shipped by asterisk-core-sounds-en; non-speech entries are dropped.

import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { requireDir, requireFile } from './fs-checks';
import { makeCorpus, type Corpus, type Utterance } from './types';

export const ASTERISK_SOUNDS_DIR = '/usr/share/asterisk/sounds/en';
export const ASTERISK_TEXT_FILE = '/usr/share/doc/asterisk-core-sounds-en/core-sounds-en.txt.gz';

/** Parses `name: text` lines; bracketed notes such as `[@]` are removed and entries left without words dropped. */
export function parseAsteriskText(content: string): { prompts: Map<string, string>; skipped: string[] } {
  const prompts = new Map<string, string>();
  const skipped: string[] = [];
  content.split('\n').forEach((line, k) => {
    if (line.trim() === '' || line.startsWith(';')) return;
    const m = /^([A-Za-z0-9_/.-]+):\s*(.*)$/.exec(line);
    if (!m) {
      skipped.push(`line ${k + 1}: not "name: text"`);
      return;
    }
    const text = m[2].replace(/\[[^\]]*\]/g, ' ').replace(/\s+/g, ' ').trim();
    if (/[A-Za-z0-9]/.test(text)) prompts.set(m[1], text);
    else skipped.push(`${m[1]}: no spoken text`);
  });
  return { prompts, skipped };
}

/** Reads the prompts that have both a WAV in `soundsDir` and text in `textFile` (.txt or .txt.gz). */
export function readAsteriskPrompts(soundsDir = ASTERISK_SOUNDS_DIR, textFile = ASTERISK_TEXT_FILE): Corpus {
  requireDir(soundsDir, 'Asterisk prompts (apt-get install asterisk-core-sounds-en-wav)');
  requireFile(textFile, 'Asterisk prompt text (apt-get install asterisk-core-sounds-en)');
  const raw = fs.readFileSync(textFile);
  const { prompts, skipped } = parseAsteriskText((textFile.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8'));
  const utterances: Utterance[] = [];
  for (const [name, text] of prompts) {
    const wav = path.join(soundsDir, `${name}.wav`);
    if (!fs.existsSync(wav)) {
      skipped.push(`${name}: no ${name}.wav`);
      continue;
    }
    utterances.push({ id: name, speaker: 'allison', path: wav, text, corpus: 'asterisk', gender: 'F' });
  }
  return makeCorpus('asterisk', utterances, skipped);
}
