// Child process for the library crash test: replaces one voice with ever newer large versions until it is killed.
// Usage: node --import tsx crash-writer.ts <library dir> <voice id> <first version>; prints "done <k>" after each save.
import { openLibrary } from '../../../../ml/cloning/library/library';
import { CLIP_FILES, realClip, versionDraft } from './fixtures';

const [dir, id, first] = process.argv.slice(2);
const library = await openLibrary(dir);
const clip = await realClip(CLIP_FILES[0]);
for (let k = Number(first); ; k++) {
  await library.replace(id, versionDraft(k, clip));
  process.stdout.write(`done ${k}\n`);
}
