// CLI: builds (or resumes) the synthetic multi-speaker corpus from Debian's speech engines into a cache folder.
// Usage: npx tsx scripts/build-synth-corpus.ts [--out cache/synth] [--speakers 300] [--utterances-per-speaker 20] …

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { VoiceCloneError, isVoiceCloneError } from '../ml/errors';
import { buildSynthCorpus } from '../ml/data/synth/build';
import { buildSentenceList } from '../ml/data/synth/sentence-generator';
import { SENTENCES_FILE, formatSentences } from '../ml/data/synth/sentences';
import { ensureDebianPackages } from './debian-deps';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const HELP = `Build the synthetic multi-speaker corpus (espeak-ng, flite, festival voices × pitch/VTLN/rate augmentation).
  --out DIR                   output folder (default cache/synth under the repository)
  --speakers N                synthetic speakers (default 300)
  --utterances-per-speaker M  sentences per speaker (default 20)
  --seed S                    integer seed for speakers and sentence choice (default 1)
  --jobs J                    items in flight at once (default 2)
  --no-audio                  store log-mel only, not the 16 kHz FLAC
  --regenerate-sentences      rewrite ml/data/synth/sentences.txt from Debian texts and templates, then exit
Re-running with the same settings resumes: finished items are skipped.`;

function intArg(values: Record<string, unknown>, name: string, fallback: number): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n)) throw new VoiceCloneError('BAD_ARGUMENT', `--${name} must be an integer, not "${String(raw)}".`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      speakers: { type: 'string' },
      'utterances-per-speaker': { type: 'string' },
      seed: { type: 'string' },
      jobs: { type: 'string' },
      'no-audio': { type: 'boolean' },
      'regenerate-sentences': { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help === true) {
    console.log(HELP);
    return;
  }
  ensureDebianPackages();
  if (values['regenerate-sentences'] === true) {
    const sentences = buildSentenceList();
    writeFileSync(SENTENCES_FILE, formatSentences(sentences));
    console.log(`Wrote ${sentences.length} sentences to ${SENTENCES_FILE}`);
    return;
  }
  const outDir = path.resolve(repoRoot, values.out ?? 'cache/synth');
  const started = Date.now();
  const result = await buildSynthCorpus({
    outDir,
    speakers: intArg(values, 'speakers', 300),
    utterancesPerSpeaker: intArg(values, 'utterances-per-speaker', 20),
    seed: intArg(values, 'seed', 1),
    jobs: intArg(values, 'jobs', 2),
    keepAudio: values['no-audio'] !== true,
    onItem: (item, done, total) => {
      if (done % 25 === 0 || done === total) {
        const minutes = (Date.now() - started) / 60_000;
        console.log(`${done}/${total} ${item.id} (${item.baseVoice}) ${minutes.toFixed(1)} min`);
      }
    },
  });
  const minutes = (Date.now() - started) / 60_000;
  console.log(`Done: ${result.built} built, ${result.skipped} already there, ${result.total} in ${outDir} (${minutes.toFixed(1)} min)`);
}

main().catch((e: unknown) => {
  console.error(isVoiceCloneError(e) ? e.message : e instanceof Error ? e.message : String(e));
  process.exit(1);
});
