// Checks every audio file under the shared data folder (all unmarked recordings) for the watermark and reports how
// many were flagged, how many could not be read, and the highest confidence. Usage: npx tsx scripts/scan-watermark-false-positives.ts [DIR]
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { SHARED_DATA_ROOT } from '../ml/data/corpora/shared-data';
import { detectFile } from '../ml/watermark/detect';

const AUDIO = /\.(flac|wav|mp3|ogg)$/i;

async function audioFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? audioFiles(path.join(dir, e.name)) : Promise.resolve(AUDIO.test(e.name) ? [path.join(dir, e.name)] : []))),
  );
  return nested.flat().sort();
}

const root = path.resolve(process.argv[2] ?? SHARED_DATA_ROOT);
const files = await audioFiles(root);
const flagged: string[] = [];
const unreadable: string[] = [];
let highest = { confidence: 0, file: '' };
for (const [i, file] of files.entries()) {
  try {
    const d = await detectFile(file);
    if (d.present) flagged.push(`${path.relative(root, file)} (confidence ${d.confidence.toFixed(6)})`);
    if (d.confidence > highest.confidence) highest = { confidence: d.confidence, file };
  } catch (e) {
    unreadable.push(`${path.relative(root, file)}: ${(e as Error).message}`);
  }
  if ((i + 1) % 500 === 0) console.log(`${i + 1} of ${files.length} files checked, ${flagged.length} flagged`);
}
console.log(`files: ${files.length}`);
console.log(`flagged present: ${flagged.length}${flagged.length > 0 ? `\n  ${flagged.join('\n  ')}` : ''}`);
console.log(`unreadable: ${unreadable.length}${unreadable.length > 0 ? `\n  ${unreadable.join('\n  ')}` : ''}`);
console.log(`highest confidence: ${highest.confidence.toFixed(6)} (${path.relative(root, highest.file)})`);
