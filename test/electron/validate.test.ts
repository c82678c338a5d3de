// The payload checks on their own: the consent statement's name and a clone request's optional consent recording
// pass through exactly as sent when well-formed, and fail with BAD_ARGUMENT naming the field when not.
import { describe, expect, it } from 'vitest';
import { VoiceCloneError } from '../../ml/errors';
import { cloneRequest, IPC_LIMITS, personName } from '../../electron/validate';

const bytes = new Uint8Array([1, 2, 3]);
const clip = { name: 'a.wav', bytes, text: 'Hello.' };
const consent = { name: 'consent.wav', bytes: new Uint8Array([4, 5]), text: 'I, Ada, agree that this app may copy my voice.' };
const base = { jobId: 'j1', name: 'Ada', method: 'encode', clips: [clip] };

function badArgument(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(VoiceCloneError);
    expect((e as VoiceCloneError).code).toBe('BAD_ARGUMENT');
    return (e as VoiceCloneError).message;
  }
  throw new Error('expected BAD_ARGUMENT');
}

describe('personName', () => {
  it('accepts 1 to 80 characters and trims them', () => {
    expect(personName('  Ada Lovelace ', 'name')).toBe('Ada Lovelace');
    expect(personName('x'.repeat(IPC_LIMITS.personNameChars), 'name')).toHaveLength(80);
  });

  it('refuses empty, long, non-text and control-character names', () => {
    expect(badArgument(() => personName('', 'name'))).toBe('name is empty.');
    expect(badArgument(() => personName(' \t ', 'name'))).toBe('name is empty.');
    expect(badArgument(() => personName('x'.repeat(81), 'name'))).toBe('name is longer than 80 characters.');
    expect(badArgument(() => personName(['Ada'], 'name'))).toBe('name must be text.');
    expect(badArgument(() => personName('Ada\u001b[2J', 'name'))).toBe('name contains control characters.');
  });
});

describe('cloneRequest consent', () => {
  it('passes the consent recording through unchanged', () => {
    const req = cloneRequest({ ...base, consent });
    expect(req.consent).toEqual(consent);
    expect(req.consent?.bytes).toBe(consent.bytes);
  });

  it('leaves consent out when it was not sent, for the engine to refuse', () => {
    expect('consent' in cloneRequest(base)).toBe(false);
    expect('consent' in cloneRequest({ ...base, consent: undefined })).toBe(false);
  });

  it('checks consent like a clip, naming the field', () => {
    expect(badArgument(() => cloneRequest({ ...base, consent: null }))).toBe('request.consent must be an object.');
    expect(badArgument(() => cloneRequest({ ...base, consent: [consent] }))).toBe('request.consent must be an object.');
    expect(badArgument(() => cloneRequest({ ...base, consent: { ...consent, path: '/tmp/c.wav' } }))).toBe(
      'request.consent has unexpected field(s): path.',
    );
    expect(badArgument(() => cloneRequest({ ...base, consent: { ...consent, bytes: '/tmp/c.wav' } }))).toBe(
      'request.consent.bytes must be file bytes.',
    );
    expect(badArgument(() => cloneRequest({ ...base, consent: { ...consent, name: '../../c.wav' } }))).toBe(
      'request.consent.name must be a file name, not a path.',
    );
    expect(badArgument(() => cloneRequest({ ...base, consent: { ...consent, text: 7 } }))).toMatch(/^request\.consent\.text must be text/);
  });

  it('counts the consent recording in the request size limit', () => {
    const largest = new Uint8Array(IPC_LIMITS.audioBytes);
    const clips = Array.from({ length: Math.floor(IPC_LIMITS.cloneBytes / IPC_LIMITS.audioBytes) }, (_, i) => ({ name: `${i}.wav`, bytes: largest, text: '' }));
    expect(cloneRequest({ ...base, clips }).clips).toHaveLength(clips.length);
    expect(badArgument(() => cloneRequest({ ...base, clips, consent: { ...consent, bytes: largest } }))).toMatch(/add up to more than 512 MiB/);
  });
});
