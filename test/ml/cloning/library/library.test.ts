// Tests for the voice library on a real folder: exact save/get, list, rename, replace, remove/restore, export/import,
// damaged entries and path-traversal attempts, and a process killed mid-save (SIGKILL) at random moments.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../../../ml/cloning/library/library';
import type { Voice, VoiceDraft } from '../../../../ml/cloning/library/types';
import { VoiceCloneError } from '../../../../ml/errors';
import { seededRandom } from '../../../../ml/random';
import { bits, CLIP_FILES, CRASH_ADAPTER_FLOATS, fullDraft, libraryDir, quantized, realClip, removeLibraryDirs, smallDraft, versionDraft } from './fixtures';

const repoRoot = path.resolve(import.meta.dirname, '../../../..');

async function refusal(promise: Promise<unknown>): Promise<VoiceCloneError> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(VoiceCloneError);
    expect((e as Error).message).not.toContain('\n');
    return e as VoiceCloneError;
  }
  throw new Error('expected a refusal');
}

/** Every file under `dir`, relative. */
function tree(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).map((p) => p.split(path.sep).join('/')).sort();
}

function expectSameVoice(a: Voice, b: Voice): void {
  expect(bits(a.embedding)).toEqual(bits(b.embedding));
  expect(Object.keys(a.adapter ?? {})).toEqual(Object.keys(b.adapter ?? {}));
  for (const [name, t] of Object.entries(a.adapter ?? {})) {
    expect(b.adapter![name].shape).toEqual(t.shape);
    expect(bits(b.adapter![name].data)).toEqual(bits(t.data));
  }
  expect(a.clips.map((c) => c.text)).toEqual(b.clips.map((c) => c.text));
  a.clips.forEach((c, i) => expect(bits(b.clips[i].audio.samples)).toEqual(bits(c.audio.samples)));
  expect([a.name, a.method, a.createdAt, a.ttsModel, a.figures]).toEqual([b.name, b.method, b.createdAt, b.ttsModel, b.figures]);
  expect(a.consent === undefined).toBe(b.consent === undefined);
  if (a.consent && b.consent) {
    expect([a.consent.text, a.consent.verified, a.consent.score]).toEqual([b.consent.text, b.consent.verified, b.consent.score]);
    expect(bits(b.consent.audio.samples)).toEqual(bits(a.consent.audio.samples));
  }
}

let draft: VoiceDraft;
beforeAll(async () => {
  draft = await fullDraft();
});
afterAll(removeLibraryDirs);

describe('voice library', () => {
  it('saves and gets a voice back exactly (floats bit for bit, clips as 16-bit)', async () => {
    const dir = libraryDir('roundtrip');
    const library = await openLibrary(dir);
    const before = Date.now();
    const saved = await library.save(draft);
    expect(saved.id).toMatch(/^grand-mere-olga-[0-9a-f]{6}$/);
    expect(Date.parse(saved.createdAt)).toBeGreaterThanOrEqual(before - 1);
    expect(saved.createdAt).toBe(new Date(saved.createdAt).toISOString());
    expect(tree(dir)).toEqual(['trash', 'voices', `voices/${saved.id}.voice`]);

    const got = await (await openLibrary(dir)).get(saved.id);
    expectSameVoice(saved, got);
    expect(bits(got.embedding)).toEqual(bits(draft.embedding));
    expect(bits(got.adapter!['decoder/lstm/kernel'].data)).toEqual(bits(draft.adapter!['decoder/lstm/kernel'].data));
    expect(got.adapter!['gain'].shape).toEqual([]);
    draft.clips.forEach((c, i) => expect(bits(got.clips[i].audio.samples)).toEqual(bits(quantized(c.audio.samples))));
    expect(got.clips.map((c) => c.text)).toEqual(draft.clips.map((c) => c.text));
    expect(got.figures).toEqual(draft.figures);
    expect(got.consent?.score).toBe(draft.consent?.score);
    expect(bits(got.consent!.audio.samples)).toEqual(bits(quantized(draft.consent!.audio.samples)));
  });

  it('lists summaries without heavy data, newest first, with their size on disk, and gives one by id', async () => {
    const dir = libraryDir('list');
    const library = await openLibrary(dir);
    expect(await library.list()).toEqual({ voices: [], problems: [] });
    const a = await library.save(await smallDraft('Anna', 1));
    await sleep(5);
    const b = await library.save(draft);
    const { voices, problems } = await library.list();
    expect(problems).toEqual([]);
    expect(voices.map((v) => v.id)).toEqual([b.id, a.id]);
    expect(voices[1]).toEqual({
      id: a.id,
      name: 'Anna',
      method: 'encode',
      createdAt: a.createdAt,
      ttsModel: 'tts-v1.2.0',
      bytes: fs.statSync(path.join(dir, 'voices', `${a.id}.voice`)).size,
      figures: { cloneSeconds: 1.5 },
    });
    expect(voices[0].bytes).toBeGreaterThan(3 * 16000 * 2);
    expect(await library.summary(a.id)).toEqual(voices[1]);
    await expect(library.summary('nobody-3f9a1c')).rejects.toThrow(/no voice/i);
  });

  it('renames a voice, keeping its id and data, and refuses bad names', async () => {
    const library = await openLibrary(libraryDir('rename'));
    const saved = await library.save(draft);
    const summary = await library.rename(saved.id, '  Olga, take 2 ');
    expect(summary.name).toBe('Olga, take 2');
    expect(summary.id).toBe(saved.id);
    const got = await library.get(saved.id);
    expect(got.name).toBe('Olga, take 2');
    expectSameVoice({ ...saved, name: 'Olga, take 2' }, got);
    for (const name of ['', '  ', 'x'.repeat(81), 'line\nbreak', 'nul\0']) {
      expect((await refusal(library.rename(saved.id, name))).code).toBe('BAD_ARGUMENT');
    }
    expect((await library.list()).voices.map((v) => v.name)).toEqual(['Olga, take 2']);
    expect((await refusal(library.rename('nobody-abcdef', 'x'))).code).toBe('FILE_NOT_FOUND');
  });

  it('replaces a voice in place, keeping its id and creation time', async () => {
    const library = await openLibrary(libraryDir('replace'));
    const saved = await library.save(await smallDraft('Anna', 1));
    const replaced = await library.replace(saved.id, await smallDraft('Anna v2', 2));
    expect([replaced.id, replaced.createdAt, replaced.name]).toEqual([saved.id, saved.createdAt, 'Anna v2']);
    expectSameVoice(replaced, await library.get(saved.id));
    expect(bits(replaced.embedding)).not.toEqual(bits(saved.embedding));
    expect((await refusal(library.replace('nobody-abcdef', draft))).message).toBe('There is no voice "nobody-abcdef" in the library.');
  });

  it('removes a voice to the trash and restores it unchanged', async () => {
    const dir = libraryDir('trash');
    const library = await openLibrary(dir);
    const keep = await library.save(await smallDraft('Keep', 1));
    const saved = await library.save(draft);
    await library.remove(saved.id);
    expect((await library.list()).voices.map((v) => v.id)).toEqual([keep.id]);
    expect((await refusal(library.get(saved.id))).code).toBe('FILE_NOT_FOUND');
    expect(fs.existsSync(path.join(dir, 'trash', `${saved.id}.voice`))).toBe(true);
    expect((await refusal(library.remove(saved.id))).code).toBe('FILE_NOT_FOUND');

    const summary = await library.restore(saved.id);
    expect(summary.id).toBe(saved.id);
    expectSameVoice(saved, await library.get(saved.id));
    expect((await library.list()).voices).toHaveLength(2);
    expect((await refusal(library.restore(saved.id))).message).toBe(`There is no removed voice "${saved.id}" in the trash.`);
  });

  it('refuses to restore over a voice that has the same id', async () => {
    const dir = libraryDir('restore-clash');
    const library = await openLibrary(dir);
    const saved = await library.save(draft);
    const file = path.join(dir, 'voices', `${saved.id}.voice`);
    fs.copyFileSync(file, path.join(dir, 'trash', `${saved.id}.voice`));
    expect((await refusal(library.restore(saved.id))).message).toMatch(/already has a voice with that id/);
  });

  it('exports one file and imports it exactly, elsewhere and beside the original', async () => {
    const library = await openLibrary(libraryDir('export'));
    const saved = await library.save(draft);
    const file = await library.exportVoice(saved.id);
    expect(file).toBeInstanceOf(Uint8Array);

    const other = await openLibrary(libraryDir('import'));
    const imported = await other.importVoice(file);
    expect(imported.id).toBe(saved.id);
    expectSameVoice(saved, imported);
    expectSameVoice(saved, await other.get(saved.id));

    const again = await library.importVoice(file);
    expect(again.id).not.toBe(saved.id);
    expect(again.id).toMatch(/^grand-mere-olga-[0-9a-f]{6}$/);
    expectSameVoice(saved, await library.get(again.id));
    expect((await library.list()).voices).toHaveLength(2);

    await library.remove(again.id);
    const third = await library.importVoice(await other.exportVoice(saved.id));
    expect([saved.id, again.id]).not.toContain(third.id);
  });

  it('refuses truncated, padded, tampered and foreign files on import with one readable line', async () => {
    const dir = libraryDir('bad-import');
    const library = await openLibrary(dir);
    const file = await library.exportVoice((await library.save(draft)).id);
    const padded = new Uint8Array(file.length + 1);
    padded.set(file);
    const flipped = file.slice();
    flipped[Math.floor(file.length / 2)] ^= 0x01;
    const cases: [Uint8Array, RegExp][] = [
      [file.subarray(0, file.length - 1), /^The imported voice file is damaged: it is cut short \(\d+ of \d+ bytes\)\.$/],
      [file.subarray(0, 10), /^The imported voice file is damaged: it is cut short at 10 bytes\.$/],
      [new Uint8Array(0), /cut short at 0 bytes/],
      [padded, /damaged: it has 1 extra bytes at the end/],
      [flipped, /^The imported voice file is damaged: its checksum does not match its contents\.$/],
      [fs.readFileSync(path.join(repoRoot, 'package.json')), /^The imported voice file is not a voice file\.$/],
    ];
    for (const [bytes, message] of cases) expect((await refusal(library.importVoice(bytes))).message).toMatch(message);
    expect((await refusal(library.importVoice('hello' as unknown as Uint8Array))).message).toMatch(/must be given as bytes/);
    expect((await library.list()).voices).toHaveLength(1);
    expect(tree(path.join(dir, 'voices'))).toHaveLength(1);
  });

  it('refuses ids that would leave the library folder, and keeps odd names inside it', async () => {
    const root = libraryDir('traversal');
    const dir = path.join(root, 'lib');
    const library = await openLibrary(dir);
    fs.writeFileSync(path.join(root, 'secret-abcdef.voice'), 'not yours');
    const attempts = [
      '../secret-abcdef', '..', '../../etc/passwd', '/etc/passwd', 'voices/../../secret-abcdef', '..\\secret-abcdef',
      'secret-abcdef\0', 'secret-abcdef/', '%2e%2e%2fsecret-abcdef', 'C:\\secret-abcdef', '', 'CON',
    ];
    for (const id of attempts) {
      for (const call of [
        library.get(id), library.rename(id, 'x'), library.remove(id), library.restore(id), library.exportVoice(id), library.replace(id, draft),
      ]) {
        const err = await refusal(call);
        expect(err.code).toBe('BAD_ARGUMENT');
        expect(err.message).toMatch(/is not a voice id/);
      }
    }
    expect(fs.readFileSync(path.join(root, 'secret-abcdef.voice'), 'utf8')).toBe('not yours');
    expect((await refusal(library.save(await smallDraft('../../../secret/evil\0', 1)))).message).toMatch(/cannot contain control characters/);
    const saved = await library.save(await smallDraft('../../../secret/..\\evil', 1));
    expect(saved.name).toBe('../../../secret/..\\evil');
    expect(saved.id).toMatch(/^secret-evil-[0-9a-f]{6}$/);
    expect(tree(root)).toEqual(['lib', 'lib/trash', 'lib/voices', `lib/voices/${saved.id}.voice`, 'secret-abcdef.voice']);
    expect((await refusal(openLibrary('bad\0dir'))).code).toBe('BAD_ARGUMENT');
  });

  it('refuses a library folder that is a file, or that disappeared, with one readable line', async () => {
    const root = libraryDir('folder');
    fs.writeFileSync(path.join(root, 'file'), 'x');
    expect((await refusal(openLibrary(path.join(root, 'file')))).message).toMatch(/^Cannot open the voice library at .*file: /);
    const library = await openLibrary(path.join(root, 'gone'));
    fs.rmSync(path.join(root, 'gone'), { recursive: true });
    expect((await refusal(library.list())).message).toMatch(/^Cannot read the voice library at .*gone: /);
    expect((await refusal(library.save(draft))).message).toMatch(/^Cannot save voice "grand-mere-olga-[0-9a-f]{6}" in .*gone: /);
  });

  it('lists the good voices and reports damaged entries and leftover temp files without failing', async () => {
    const dir = libraryDir('damaged');
    const library = await openLibrary(dir);
    const good = await library.save(await smallDraft('Good', 1));
    const other = await library.save(draft);
    const voices = path.join(dir, 'voices');
    const bytes = fs.readFileSync(path.join(voices, `${other.id}.voice`));
    fs.writeFileSync(path.join(voices, `${other.id}.voice`), bytes.subarray(0, bytes.length >> 1));
    fs.writeFileSync(path.join(voices, 'junk-abcdef.voice'), 'garbage');
    fs.writeFileSync(path.join(voices, 'copied-abcdef.voice'), fs.readFileSync(path.join(voices, `${good.id}.voice`)));
    fs.writeFileSync(path.join(voices, 'Bad Name.voice'), 'x');
    fs.writeFileSync(path.join(voices, `${good.id}.voice.123.abcd1234.tmp`), bytes.subarray(0, 100));
    fs.writeFileSync(path.join(voices, 'notes.txt'), 'hello');
    fs.mkdirSync(path.join(voices, 'folder-abcdef.voice'));
    fs.writeFileSync(path.join(voices, '.DS_Store'), '');

    const listing = await (await openLibrary(dir)).list();
    expect(listing.voices.map((v) => v.id)).toEqual([good.id]);
    const byEntry = Object.fromEntries(listing.problems.map((p) => [p.entry, p]));
    expect(Object.keys(byEntry).sort()).toEqual(
      ['Bad Name.voice', 'copied-abcdef.voice', 'folder-abcdef.voice', 'junk-abcdef.voice', 'notes.txt', `${good.id}.voice.123.abcd1234.tmp`, `${other.id}.voice`].sort(),
    );
    expect(byEntry[`${other.id}.voice`]).toEqual({
      entry: `${other.id}.voice`,
      kind: 'damaged',
      message: `Voice "${other.id}" is damaged: it is cut short (${bytes.length >> 1} of ${bytes.length} bytes).`,
    });
    expect(byEntry['junk-abcdef.voice'].message).toBe('Voice "junk-abcdef" is not a voice file.');
    expect(byEntry['copied-abcdef.voice'].message).toBe(`Voice "copied-abcdef" is damaged: its file holds voice "${good.id}".`);
    expect(byEntry['Bad Name.voice'].message).toMatch(/"Bad Name" is not a voice id/);
    expect(byEntry['notes.txt'].message).toBe('notes.txt is not a voice file (those end in .voice).');
    expect(byEntry['folder-abcdef.voice'].message).toMatch(/^folder-abcdef\.voice in the voice library cannot be read/);
    expect(byEntry[`${good.id}.voice.123.abcd1234.tmp`].kind).toBe('leftover-temp');
    for (const p of listing.problems) expect(p.message).not.toContain('\n');

    expect((await refusal(library.get(other.id))).code).toBe('TRUNCATED');
    expect((await refusal(library.exportVoice(other.id))).code).toBe('TRUNCATED');
    await library.remove(other.id);
    expect((await library.list()).problems.map((p) => p.entry)).not.toContain(`${other.id}.voice`);
  });
});

/** When to kill the writer: at a random moment of its save cycle, or as soon as it starts writing a temp file. */
type KillMoment = 'timed' | 'mid-write';

/**
 * Starts the crash writer at version `first`, waits for it to finish saves, then SIGKILLs it: 'timed' at a random
 * moment within two save durations (measured on this machine), 'mid-write' at the first filesystem event on a temp
 * file after a finished save (or after 5 saves). Returns the versions the writer reported as saved.
 */
async function killedWriter(dir: string, id: string, first: number, moment: KillMoment, rand: () => number): Promise<number[]> {
  const writer = path.join(repoRoot, 'test/ml/cloning/library/crash-writer.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', writer, dir, id, String(first)], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  const done: number[] = [];
  const doneAt: number[] = [];
  let stderr = '';
  let out = '';
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const watcher = fs.watch(path.join(dir, 'voices'), (_, file) => {
    // After 5 saves without a temp file seen, kill anyway rather than hang.
    if (moment === 'mid-write' && done.length > 0 && (file?.endsWith('.tmp') || done.length >= 5)) child.kill('SIGKILL');
  });
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const saves = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const lines = out.split('\n');
      out = lines.pop() ?? '';
      for (const line of lines) {
        done.push(Number(line.replace('done ', '')));
        doneAt.push(performance.now());
      }
      if (doneAt.length >= 2) resolve();
    });
    void exited.then(() => (moment === 'mid-write' && done.length > 0 ? resolve() : reject(new Error(`The crash writer stopped: ${stderr.trim()}`))));
  });
  await saves;
  if (moment === 'timed') {
    // Two save durations measured here, so the kill lands inside a save however fast or slow the machine is.
    await sleep(rand() * 2 * (doneAt[1] - doneAt[0]));
    child.kill('SIGKILL');
  }
  await exited;
  watcher.close();
  return done;
}

describe('voice library crash safety', () => {
  it('keeps the old or the new version complete when the saving process is killed at random moments', async () => {
    const dir = libraryDir('crash');
    const library = await openLibrary(dir);
    const { id } = await library.save(versionDraft(0, await realClip(CLIP_FILES[0])));
    const rand = seededRandom(2024);
    const moments: KillMoment[] = ['timed', 'mid-write', 'timed', 'mid-write', 'timed', 'mid-write'];
    let version = 0;
    let leftovers = 0;
    for (const moment of moments) {
      const done = await killedWriter(dir, id, version + 1, moment, rand);
      expect(done[0]).toBe(version + 1);
      const last = done[done.length - 1];

      const reopened = await openLibrary(dir);
      const { voices, problems } = await reopened.list();
      expect(voices.map((v) => v.id)).toEqual([id]);
      expect(problems.filter((p) => p.kind !== 'leftover-temp')).toEqual([]);
      leftovers = problems.length;
      const voice = await reopened.get(id);
      version = voice.figures.version;
      expect([last, last + 1]).toContain(version);
      expect(voice.name).toBe(`version ${version}`);
      expect(voice.clips.map((c) => c.text)).toEqual([`version ${version}`]);
      expect(voice.embedding.every((x) => x === version)).toBe(true);
      expect(voice.adapter!.delta.data.length).toBe(CRASH_ADAPTER_FLOATS);
      expect(voice.adapter!.delta.data.every((x) => x === version)).toBe(true);
    }
    console.log(`crash test: ${moments.length} kills, reached version ${version}, ${leftovers} unfinished save(s) left behind`);
  });
});
