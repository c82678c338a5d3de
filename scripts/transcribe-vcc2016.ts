// Builds assets/data/vcc2016-transcripts.tsv: pocketsphinx transcribes all 10 readings of each VCC2016 sentence,
// word-level voting merges them. Resumable (per-file results cached under cache/asr/vcc2016/), 2 recognizers at once.

import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { readVcc2016, vcc2016SentenceId } from '../ml/data/corpora/vcc2016';
import type { Utterance } from '../ml/data/corpora/types';
import { voteTranscripts } from '../ml/data/transcript-vote';
import { recognize, wordEditDistance, words } from '../ml/eval/asr';
import { ensureDebianPackages } from './debian-deps';
import {
  formatVcc2016Transcripts,
  VCC2016_TRANSCRIPTS_FILE,
  type SentenceTranscript,
} from '../ml/data/vcc2016-transcripts';
import { writeFileAtomic } from '../ml/files';

const run = promisify(execFile);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataRoot = path.resolve(repoRoot, '../shared/data/vcc2016');
const cacheDir = path.join(repoRoot, 'cache/asr/vcc2016');
const workers = 2;

interface CachedHypothesis {
  hypothesis: string;
  seconds: number;
}

function cachePath(u: Utterance): string {
  return path.join(cacheDir, `${u.id}.json`);
}

/** Converts one FLAC to 16 kHz 16-bit mono WAV in a temp dir and transcribes it with the project's recognizer. */
async function transcribe(u: Utterance, tmpDir: string): Promise<string> {
  const wav = path.join(tmpDir, `${u.id}.wav`);
  await run('sox', [u.path, '-r', '16000', '-b', '16', '-c', '1', wav]);
  try {
    return await recognize(wav);
  } finally {
    fs.rmSync(wav, { force: true });
  }
}

async function transcribeAll(utterances: Utterance[]): Promise<Map<string, string>> {
  fs.mkdirSync(cacheDir, { recursive: true });
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vcc2016-asr-'));
  const results = new Map<string, string>();
  // Sentence by sentence, so the readings of each sentence complete together.
  const todo = utterances
    .filter((u) => {
      if (!fs.existsSync(cachePath(u))) return true;
      results.set(u.id, (JSON.parse(fs.readFileSync(cachePath(u), 'utf8')) as CachedHypothesis).hypothesis);
      return false;
    })
    .sort((a, b) => vcc2016SentenceId(a).localeCompare(vcc2016SentenceId(b)) || a.speaker.localeCompare(b.speaker));
  console.log(`${results.size} cached, ${todo.length} to transcribe with ${workers} workers`);
  const started = Date.now();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < todo.length) {
      const u = todo[next++];
      const t0 = Date.now();
      const hypothesis = await transcribe(u, tmpDir);
      const entry: CachedHypothesis = { hypothesis, seconds: (Date.now() - t0) / 1000 };
      await writeFileAtomic(cachePath(u), JSON.stringify(entry));
      results.set(u.id, hypothesis);
      if (results.size % 50 === 0) {
        console.log(`${results.size}/${utterances.length} after ${((Date.now() - started) / 1000).toFixed(0)} s`);
      }
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
  fs.rmSync(tmpDir, { recursive: true, force: true });
  console.log(`transcription done: ${todo.length} files in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return results;
}

/** Mean word error rate of single readings measured against their sentence's consensus. */
function singleReadingWer(rows: SentenceTranscript[], hypsBySentence: Map<string, string[]>): number {
  let errors = 0;
  let refWords = 0;
  for (const r of rows) {
    const ref = words(r.text);
    for (const h of hypsBySentence.get(r.id) ?? []) {
      errors += wordEditDistance(ref, words(h));
      refWords += ref.length;
    }
  }
  return errors / refWords;
}

function summarize(rows: SentenceTranscript[]): string[] {
  const a = rows.map((r) => r.agreement).sort((x, y) => x - y);
  const mean = a.reduce((s, x) => s + x, 0) / a.length;
  const q = (p: number): string => a[Math.min(a.length - 1, Math.floor(p * a.length))].toFixed(3);
  const atLeast = (t: number): number => a.filter((x) => x >= t).length;
  return [
    `agreement over ${rows.length} sentences: mean ${mean.toFixed(3)}, min ${a[0].toFixed(3)}, p10 ${q(0.1)},` +
      ` p25 ${q(0.25)}, median ${q(0.5)}, p75 ${q(0.75)}, p90 ${q(0.9)}, max ${a[a.length - 1].toFixed(3)}`,
    `sentences with agreement >= 0.8: ${atLeast(0.8)}; >= 0.6: ${atLeast(0.6)}; >= 0.5: ${atLeast(0.5)}`,
  ];
}

async function main(): Promise<void> {
  ensureDebianPackages();
  const corpus = readVcc2016(dataRoot);
  const hyps = await transcribeAll(corpus.utterances);
  // Readings of one sentence share its file number; the split follows the number (1xxxxx train, 2xxxxx eval).
  const hypsBySentence = new Map<string, string[]>();
  for (const u of corpus.utterances) {
    const id = vcc2016SentenceId(u);
    hypsBySentence.set(id, [...(hypsBySentence.get(id) ?? []), hyps.get(u.id) ?? '']);
  }
  const rows: SentenceTranscript[] = [...hypsBySentence.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, readings]) => {
      const vote = voteTranscripts(readings);
      return { id, split: id.startsWith('2') ? 'eval' : 'train', text: vote.text, agreement: vote.agreement };
    });
  const stats = [
    ...summarize(rows),
    `single readings vs consensus: word error rate ${singleReadingWer(rows, hypsBySentence).toFixed(3)}`,
  ];
  const comments = [
    'VCC2016 consensus transcripts: pocketsphinx_continuous (pocketsphinx-en-us default model) on all 10 readings,',
    'merged by word-level voting (ml/data/transcript-vote.ts); built by scripts/transcribe-vcc2016.ts.',
    'agreement = mean fraction of the 10 readings whose recognized word matches each consensus word.',
    ...stats,
  ];
  fs.mkdirSync(path.dirname(VCC2016_TRANSCRIPTS_FILE), { recursive: true });
  fs.writeFileSync(VCC2016_TRANSCRIPTS_FILE, formatVcc2016Transcripts(rows, comments));
  console.log(stats.join('\n'));
  console.log(`wrote ${rows.length} sentences to ${VCC2016_TRANSCRIPTS_FILE}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
