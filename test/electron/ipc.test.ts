// The IPC handlers as the window reaches them: a malformed payload or a path where bytes belong gets a readable
// BAD_ARGUMENT error (the engine is never started), a foreign sender is refused, and only files the person picked
// in a dialog are read or written.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobProgress } from '../../ml/api';
import { STUDIO_METHODS, type StudioMethod } from '../../electron/channels';
import { EngineClient } from '../../electron/engine-client';
import { createHandlers, dispatch, type Dialogs, type IpcResult } from '../../electron/ipc';
import type { SenderInfo, TrustedWindow } from '../../electron/sender';
import { sox } from '../ml/audio/fixtures';
import { sharedData } from '../support/shared-data';
import { buildEngineWorker, REPO_ROOT } from './support/build-worker';

const TRUSTED: TrustedWindow = { webContentsId: 7, origin: 'app://voiceclone' };
const OUR_WINDOW: SenderInfo = { webContentsId: 7, frameUrl: 'app://voiceclone/index.html', isMainFrame: true };

let dir: string;
let engine: EngineClient;
/** What the person "chooses" in each dialog during a test. */
const chosen: { audio: string[]; voice: string | null; save: string | null } = { audio: [], voice: null, save: null };
const dialogs: Dialogs = {
  openAudioFiles: async () => chosen.audio,
  openVoiceFile: async () => chosen.voice,
  saveFile: async () => chosen.save,
};
let handlers: ReturnType<typeof createHandlers>;
const progress: JobProgress[] = [];

function call(method: unknown, payload: unknown, sender: SenderInfo = OUR_WINDOW): Promise<IpcResult> {
  return dispatch(handlers, method, payload, sender, TRUSTED, { emitProgress: (p) => progress.push(p) });
}

function errorOf(r: IpcResult): { code: string; message: string } {
  if (r.ok) throw new Error(`expected a failure, got ${JSON.stringify(r.value)}`);
  return r.error;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ipc-'));
  engine = new EngineClient({
    workerFile: await buildEngineWorker(),
    engineModule: path.join(REPO_ROOT, 'ml', 'engine.ts'),
    libraryDir: path.join(dir, 'library'),
  });
  handlers = createHandlers(engine, dialogs);
});

afterAll(async () => {
  await engine.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('IPC payload validation', () => {
  const bytes = new Uint8Array([1, 2, 3]);
  const malformed: [StudioMethod, unknown][] = [
    ['inspectClip', { name: 'a.wav', bytes }], // not an argument list
    ['inspectClip', [{ name: 'a.wav', bytes: '/etc/passwd' }]], // a path instead of bytes
    ['inspectClip', [{ name: '../../etc/passwd', bytes }]], // a path as the name
    ['inspectClip', [{ name: 'a.wav', bytes, path: '/etc/passwd' }]], // an extra field
    ['inspectClip', [{ name: 'a.wav', bytes: new Uint8Array(0) }]],
    ['promptSentences', ['/etc/passwd']],
    ['consentStatement', []],
    ['consentStatement', ['']],
    ['consentStatement', ['   ']],
    ['consentStatement', ['x'.repeat(81)]],
    ['consentStatement', [42]],
    ['consentStatement', ['Ada\u0007']],
    ['consentStatement', ['Ada', 'Lovelace']],
    ['synthesize', ['../voices/x', 'Hello.']],
    ['synthesize', ['builtin-1', '']],
    ['synthesize', ['builtin-1', 'x'.repeat(2001)]],
    ['synthesize', ['builtin-1', 42]],
    ['similarity', [{ name: 'a.wav', bytes }, []]],
    ['clone', [{ jobId: 'j1', name: 'Me', method: 'train-everything', clips: [{ name: 'a.wav', bytes, text: '' }] }]],
    ['clone', [{ jobId: 'j 1', name: 'Me', method: 'encode', clips: [{ name: 'a.wav', bytes, text: '' }] }]],
    ['clone', [{ jobId: 'j1', name: 'Me', method: 'encode', clips: [] }]],
    ['clone', [{ jobId: 'j1', name: 'Me\u0000', method: 'encode', clips: [{ name: 'a.wav', bytes, text: '' }] }]],
    ['clone', [{ jobId: 'j1', name: 'Me', method: 'encode', clips: [{ name: 'a.wav', bytes, text: '' }], consent: null }]],
    ['clone', [{ jobId: 'j1', name: 'Me', method: 'encode', clips: [{ name: 'a.wav', bytes, text: '' }], consent: '/tmp/me.wav' }]],
    [
      'clone',
      [{ jobId: 'j1', name: 'Me', method: 'encode', clips: [{ name: 'a.wav', bytes, text: '' }], consent: { name: 'c.wav', bytes: '/tmp/c.wav', text: 'I agree.' } }],
    ],
    [
      'clone',
      [{ jobId: 'j1', name: 'Me', method: 'encode', clips: [{ name: 'a.wav', bytes, text: '' }], consent: { name: '../c.wav', bytes, text: 'I agree.' } }],
    ],
    [
      'clone',
      [{ jobId: 'j1', name: 'Me', method: 'encode', clips: [{ name: 'a.wav', bytes, text: '' }], consent: { name: 'c.wav', bytes, text: 'x'.repeat(2001) } }],
    ],
    ['renameVoice', ['v1', '   ']],
    ['deleteVoice', [null]],
    ['voiceSpectrum', [42]],
    ['importVoice', ['/home/someone/voice.voice']],
    ['pickAudioFiles', ['/etc']],
    ['checkWatermark', ['/home/someone/said.wav']],
    ['checkWatermark', []],
    ['saveFile', ['exe', 'a.sh', bytes]],
    ['saveFile', ['wav', '/tmp/evil.wav', bytes]],
    ['saveFile', ['wav', 'a.wav', 'text, not bytes']],
  ];

  it.each(malformed)('%s rejects a malformed payload with BAD_ARGUMENT: %j', async (method, payload) => {
    const error = errorOf(await call(method, payload));
    expect(error.code).toBe('BAD_ARGUMENT');
    expect(error.message).not.toContain('\n');
    expect(error.message.length).toBeGreaterThan(5);
  });

  it('never started the engine for malformed payloads', () => {
    expect(engine.started).toBe(false);
  });

  it('refuses every method to a sender that is not our window', async () => {
    const strangers: SenderInfo[] = [
      { ...OUR_WINDOW, webContentsId: 8 },
      { ...OUR_WINDOW, isMainFrame: false },
      { ...OUR_WINDOW, frameUrl: 'https://example.com/' },
      { ...OUR_WINDOW, frameUrl: 'file:///tmp/page.html' },
      { ...OUR_WINDOW, frameUrl: 'not a url' },
    ];
    for (const stranger of strangers) {
      for (const method of STUDIO_METHODS) {
        expect(errorOf(await call(method, [], stranger)).code).toBe('FORBIDDEN');
      }
    }
    expect(engine.started).toBe(false);
  });

  it('answers an unknown method with NOT_FOUND, not a crash', async () => {
    expect(errorOf(await call('readFile', ['/etc/passwd'])).code).toBe('NOT_FOUND');
    expect(errorOf(await call({ toString: null }, [])).code).toBe('NOT_FOUND');
  });
});

describe('files reach the window only through dialogs', () => {
  it('returns the bytes and base name of the picked audio, never its path', async () => {
    const wav = path.join(dir, 'picked.wav');
    sox(sharedData('vcc2016/train/SF1/100001.flac'), wav);
    chosen.audio = [wav];
    const r = await call('pickAudioFiles', []);
    if (!r.ok) throw new Error(r.error.message);
    const [file] = r.value as { name: string; bytes: Uint8Array }[];
    expect(file.name).toBe('picked.wav');
    expect(Buffer.from(file.bytes).equals(fs.readFileSync(wav))).toBe(true);
    expect(JSON.stringify(Object.keys(file))).toBe('["name","bytes"]');
  });

  it('gives an empty list when the person cancels', async () => {
    chosen.audio = [];
    expect(await call('pickAudioFiles', [])).toEqual({ ok: true, value: [] });
  });

  it('writes saved bytes only where the save dialog chose', async () => {
    const target = path.join(dir, 'chosen.csv');
    chosen.save = target;
    const r = await call('saveFile', ['csv', 'answers.csv', new TextEncoder().encode('a,b\r\n')]);
    expect(r).toEqual({ ok: true, value: { saved: true, name: 'chosen.csv' } });
    expect(fs.readFileSync(target, 'utf8')).toBe('a,b\r\n');
    expect(fs.existsSync(path.join(dir, 'answers.csv'))).toBe(false);
    chosen.save = null;
    expect(await call('saveFile', ['csv', 'answers.csv', new Uint8Array([1])])).toEqual({
      ok: true,
      value: { saved: false, name: null },
    });
  });
});

describe('consent through the handlers, answered by the real engine', () => {
  const clip = (speaker: string, n: string, text = '') => ({
    name: `${speaker}-${n}.flac`,
    bytes: new Uint8Array(fs.readFileSync(sharedData(`vcc2016/train/${speaker}/${n}.flac`))),
    text,
  });

  it('writes the trimmed name and today into the consent statement', async () => {
    const r = await call('consentStatement', ['  Ada Lovelace ']);
    if (!r.ok) throw new Error(r.error.message);
    const today = new Date().toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
    expect(r.value).toMatch(/^I, Ada Lovelace, agree .*voice/);
    expect(r.value).toContain(today);
  });

  it('refuses a clone without consent, readably', async () => {
    const error = errorOf(await call('clone', [{ jobId: 'no-consent', name: 'Me', method: 'encode', clips: [clip('SF1', '100001')] }]));
    expect(error.code).toBe('CONSENT_MISSING');
    expect(error.message).toMatch(/consent/i);
    expect(error.message).not.toContain('\n');
  });

  it('refuses a consent statement read by someone else, with the similarity', async () => {
    const statement = 'I, Sam, agree that this app may create a synthetic copy of my voice.';
    const error = errorOf(
      await call('clone', [
        {
          jobId: 'other-speaker',
          name: 'Me',
          method: 'encode',
          clips: [clip('SF1', '100001'), clip('SF1', '100002')],
          consent: clip('SM1', '100003', statement),
        },
      ]),
    );
    expect(error.code).toBe('CONSENT_REJECTED');
    expect(error.message).toMatch(/similarity -?\d\.\d\d/);
    expect(error.message).not.toContain('\n');
  });
});
