// Tests for `voiceclone voices`, `say` and `clone` run as a person would, on the shipped models and real held-out
// speech (VCC2016 SF3 with its consensus transcripts).
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readVcc2016Transcripts } from '../../ml/data/vcc2016-transcripts';
import { voiceclone } from '../support/cli';
import { sharedData } from '../support/shared-data';
import { tempDir } from '../ml/audio/fixtures';

const library = tempDir('cli-library');

describe('voiceclone voices', () => {
  it('prints a JSON array of { id, name, builtin, method }', async () => {
    const r = await voiceclone(['voices', '--json', '--library', library]);
    expect(r.code).toBe(0);
    const voices = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expect(voices.length).toBeGreaterThanOrEqual(9);
    expect(Object.keys(voices[0]).sort()).toEqual(['builtin', 'id', 'method', 'name']);
    expect(voices.filter((v) => v.builtin === true)).toHaveLength(9);
  });
});

describe('voiceclone say', () => {
  it('writes a WAV in a built-in voice', async () => {
    const out = path.join(library, 'hello.wav');
    const r = await voiceclone(['say', '--voice', 'vcc-sf1', '--text', 'Hello there. How are you today?', '--out', out, '--library', library]);
    expect(r.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(r.stdout).toMatch(/audio: +\d/);
  });

  it('explains missing arguments and unknown voices in one line', async () => {
    const usage = await voiceclone(['say', '--voice', 'vcc-sf1', '--text', 'Hi']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/--out/);
    const unknown = await voiceclone(['say', '--voice', 'nobody-000000', '--text', 'Hi', '--out', path.join(library, 'x.wav'), '--library', library]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('voiceclone clone', () => {
  it('adapts a voice from clips and texts, prints JSON, and the voice speaks', async () => {
    const transcripts = readVcc2016Transcripts();
    const nums = ['100015', '100020', '100031'];
    const texts = path.join(library, 'texts.txt');
    writeFileSync(texts, nums.map((n) => transcripts.get(n)!.text).join('\n'));
    const clips = nums.map((n) => sharedData(`vcc2016/train/SF3/${n}.flac`));
    const consent = sharedData('vcc2016/train/SF3/100053.flac');
    const r = await voiceclone(['clone', '--method', 'adapt-embedding', '--name', 'Test SF3', '--consent', consent, '--texts', texts, '--steps', '5', '--json', '--library', library, ...clips]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { id: string; method: string; seconds: number; bytes: number };
    expect(out.method).toBe('adapt-embedding');
    expect(out.seconds).toBeGreaterThan(0);
    expect(out.bytes).toBeGreaterThan(0);
    const said = await voiceclone(['say', '--voice', out.id, '--text', 'It works.', '--out', path.join(library, 'new.wav'), '--library', library]);
    expect(said.code).toBe(0);
  });

  it('needs texts for adaptation and a consent recording', async () => {
    const clip = sharedData('vcc2016/train/SF3/100015.flac');
    const noTexts = await voiceclone(['clone', '--method', 'adapt-whole', '--name', 'x', '--no-consent-check', '--library', library, clip]);
    expect(noTexts.code).toBe(2);
    expect(noTexts.stderr).toMatch(/--texts/);
    const noConsent = await voiceclone(['clone', '--method', 'encode', '--name', 'x', '--library', library, clip]);
    expect(noConsent.code).toBe(2);
    expect(noConsent.stderr).toMatch(/--consent/);
  });

  it("refuses a consent statement read by someone else", async () => {
    const texts = path.join(library, 'one.txt');
    writeFileSync(texts, 'or she felt very slowly');
    const r = await voiceclone([
      'clone', '--method', 'adapt-embedding', '--name', 'Not me', '--steps', '2', '--texts', texts, '--library', library,
      '--consent', sharedData('vcc2016/train/TM3/100053.flac'), sharedData('vcc2016/train/SF3/100015.flac'),
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/consent recording does not sound like the same person/);
  });
});
