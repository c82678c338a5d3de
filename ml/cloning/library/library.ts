// The voice library: the folder where cloned voices live, one crash-safe file per voice, with a trash for undo and
// self-contained export/import. Every write is atomic; a damaged or half-written entry is reported, never fatal.
//
// On disk, under the library folder:
//   voices/<id>.voice                       one voice (format in ./voice-file and ./container)
//   voices/<id>.voice.<pid>.<hex>.tmp       a write in progress, or left by a crash (list() reports it)
//   trash/<id>.voice                        a removed voice, until restored

import { mkdir, readdir, readFile, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { VoiceCloneError } from '../../errors';
import { writeFileAtomic } from '../../files';
import { checkDraft, checkName, checkVoiceId, makeVoiceId, shown } from './fields';
import type { LibraryProblem, Voice, VoiceDraft, VoiceListing, VoiceSummary } from './types';
import { decodeVoiceFile, encodeVoiceFile, summarize, voiceFromFile, voiceToFile, type VoiceFile } from './voice-file';

const VOICES_DIR = 'voices';
const TRASH_DIR = 'trash';
const VOICE_EXT = '.voice';
const TEMP_EXT = '.tmp';
/** Fresh ids tried before giving up; with 16.7 million suffixes per name a second try is already rare. */
const ID_TRIES = 20;

function reason(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0];
}

function errno(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException).code;
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (e) {
    if (errno(e) === 'ENOENT') return false;
    throw e;
  }
}

function label(id: string): string {
  return `Voice "${id}"`;
}

/** A voice library opened on a folder; get one with openLibrary(). */
export class VoiceLibrary {
  private readonly voicesDir: string;
  private readonly trashDir: string;

  constructor(readonly dir: string) {
    this.voicesDir = path.join(dir, VOICES_DIR);
    this.trashDir = path.join(dir, TRASH_DIR);
  }

  private voicePath(id: string): string {
    return path.join(this.voicesDir, `${checkVoiceId(id)}${VOICE_EXT}`);
  }

  private trashPath(id: string): string {
    return path.join(this.trashDir, `${checkVoiceId(id)}${VOICE_EXT}`);
  }

  private async readBytes(file: string, missing: string): Promise<Uint8Array> {
    try {
      return await readFile(file);
    } catch (e) {
      if (errno(e) === 'ENOENT') throw new VoiceCloneError('FILE_NOT_FOUND', missing);
      throw new VoiceCloneError('TRUNCATED', `${path.basename(file)} in the voice library cannot be read (${reason(e)}).`, { cause: e });
    }
  }

  private async readVoiceFile(id: string): Promise<{ file: VoiceFile; bytes: Uint8Array }> {
    const bytes = await this.readBytes(this.voicePath(id), `There is no voice ${shown(id)} in the library.`);
    const file = decodeVoiceFile(bytes, label(id));
    if (file.meta.id !== id) throw new VoiceCloneError('TRUNCATED', `${label(id)} is damaged: its file holds voice ${shown(file.meta.id)}.`);
    return { file, bytes };
  }

  /** Writes `file` atomically; returns its size. */
  private async write(file: VoiceFile): Promise<number> {
    const bytes = encodeVoiceFile(file);
    try {
      await writeFileAtomic(this.voicePath(file.meta.id), bytes);
      return bytes.length;
    } catch (e) {
      throw new VoiceCloneError('BAD_ARGUMENT', `Cannot save voice ${shown(file.meta.id)} in ${this.dir}: ${reason(e)}`, { cause: e });
    }
  }

  /** An id for `name` used by no voice, in the library or in its trash. */
  private async freshId(name: string): Promise<string> {
    for (let i = 0; i < ID_TRIES; i++) {
      const id = makeVoiceId(name);
      if (!(await exists(this.voicePath(id))) && !(await exists(this.trashPath(id)))) return id;
    }
    throw new VoiceCloneError('BAD_ARGUMENT', `Could not find a free id for the voice ${shown(name)}.`);
  }

  /** Writes `voice` (checked) and returns it as get() will: clips quantized to 16 bits. */
  private async store(voice: Voice): Promise<Voice> {
    const file = voiceToFile(voice);
    await this.write(file);
    return voiceFromFile(file, label(voice.id));
  }

  /** Every readable voice, newest first, without heavy data; damaged entries and leftover temp files as problems. */
  async list(): Promise<VoiceListing> {
    const voices: VoiceSummary[] = [];
    const problems: LibraryProblem[] = [];
    let entries: string[];
    try {
      entries = await readdir(this.voicesDir);
    } catch (e) {
      throw new VoiceCloneError('FILE_NOT_FOUND', `Cannot read the voice library at ${this.dir}: ${reason(e)}`, { cause: e });
    }
    for (const entry of entries.sort()) {
      if (entry.startsWith('.')) continue;
      if (entry.endsWith(TEMP_EXT)) {
        problems.push({ entry, kind: 'leftover-temp', message: `${entry} is an unfinished save (still running, or cut off by a crash).` });
        continue;
      }
      try {
        if (!entry.endsWith(VOICE_EXT)) throw new VoiceCloneError('BAD_ARGUMENT', `${entry} is not a voice file (those end in ${VOICE_EXT}).`);
        const { file, bytes } = await this.readVoiceFile(entry.slice(0, -VOICE_EXT.length));
        voices.push(summarize(file.meta, bytes.length));
      } catch (e) {
        problems.push({ entry, kind: 'damaged', message: reason(e) });
      }
    }
    voices.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id));
    return { voices, problems };
  }

  /** The list() entry of voice `id`, reading only its file. */
  async summary(id: string): Promise<VoiceSummary> {
    const { file, bytes } = await this.readVoiceFile(id);
    return summarize(file.meta, bytes.length);
  }

  /** The full voice `id`. */
  async get(id: string): Promise<Voice> {
    return voiceFromFile((await this.readVoiceFile(id)).file, label(id));
  }

  /** Saves a new voice under a fresh id made from its name; returns it as get() will. */
  async save(draft: VoiceDraft): Promise<Voice> {
    const checked = checkDraft(draft);
    return this.store({ ...checked, id: await this.freshId(checked.name), createdAt: new Date().toISOString() });
  }

  /** Replaces voice `id` with `draft` (a re-run of the cloning, say), keeping its id and creation time. */
  async replace(id: string, draft: VoiceDraft): Promise<Voice> {
    const checked = checkDraft(draft);
    const { file } = await this.readVoiceFile(id);
    return this.store({ ...checked, id, createdAt: file.meta.createdAt });
  }

  /** Gives voice `id` a new name (its id stays). */
  async rename(id: string, name: string): Promise<VoiceSummary> {
    const newName = checkName(name);
    const { file } = await this.readVoiceFile(id);
    const renamed = { meta: { ...file.meta, name: newName }, blobs: file.blobs };
    return summarize(renamed.meta, await this.write(renamed));
  }

  /** Renames `from` to `to` (same folder tree, so atomic); `missing` is the message when `from` is not there. */
  private async move(from: string, to: string, id: string, missing: string): Promise<void> {
    try {
      await rename(from, to);
    } catch (e) {
      if (errno(e) === 'ENOENT') throw new VoiceCloneError('FILE_NOT_FOUND', missing);
      throw new VoiceCloneError('BAD_ARGUMENT', `Cannot move voice ${shown(id)} in ${this.dir}: ${reason(e)}`, { cause: e });
    }
  }

  /** Moves voice `id` to the trash; restore(id) brings it back. A voice already in the trash with that id is replaced. */
  async remove(id: string): Promise<void> {
    await this.move(this.voicePath(id), this.trashPath(id), id, `There is no voice ${shown(id)} in the library.`);
  }

  /** Brings voice `id` back from the trash. */
  async restore(id: string): Promise<VoiceSummary> {
    const from = this.trashPath(id);
    const to = this.voicePath(id);
    const missing = `There is no removed voice ${shown(id)} in the trash.`;
    const bytes = await this.readBytes(from, missing);
    const { meta } = decodeVoiceFile(bytes, label(id));
    if (await exists(to)) throw new VoiceCloneError('BAD_ARGUMENT', `Cannot restore voice ${shown(id)}: the library already has a voice with that id.`);
    await this.move(from, to, id, missing);
    return summarize(meta, bytes.length);
  }

  /** Voice `id` as one self-contained file, checked in full before it is handed out. */
  async exportVoice(id: string): Promise<Uint8Array> {
    const { file, bytes } = await this.readVoiceFile(id);
    await voiceFromFile(file, label(id));
    return bytes;
  }

  /** Adds the voice in an exported file, checked in full; it gets a new id if its own is taken. */
  async importVoice(bytes: Uint8Array): Promise<Voice> {
    if (!(bytes instanceof Uint8Array)) throw new VoiceCloneError('BAD_ARGUMENT', 'An imported voice must be given as bytes.');
    const what = 'The imported voice file';
    const file = decodeVoiceFile(bytes, what);
    const voice = await voiceFromFile(file, what);
    const taken = (await exists(this.voicePath(voice.id))) || (await exists(this.trashPath(voice.id)));
    const id = taken ? await this.freshId(voice.name) : voice.id;
    await this.write({ meta: { ...file.meta, id }, blobs: file.blobs });
    return { ...voice, id };
  }
}

/** Opens (creating if needed) the voice library in folder `dir`. */
export async function openLibrary(dir: string): Promise<VoiceLibrary> {
  if (typeof dir !== 'string' || dir.trim() === '' || dir.includes('\0')) {
    throw new VoiceCloneError('BAD_ARGUMENT', `${shown(dir)} is not a folder path for the voice library.`);
  }
  const library = new VoiceLibrary(path.resolve(dir));
  try {
    await mkdir(path.join(library.dir, VOICES_DIR), { recursive: true });
    await mkdir(path.join(library.dir, TRASH_DIR), { recursive: true });
  } catch (e) {
    throw new VoiceCloneError('BAD_ARGUMENT', `Cannot open the voice library at ${library.dir}: ${reason(e)}`, { cause: e });
  }
  return library;
}
