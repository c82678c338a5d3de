// Tests for the voice field checks: names (free text, nothing unprintable), ids (no path can come out of one),
// the slugs made from any name, and whole drafts from a cloning run.
import { describe, expect, it } from 'vitest';
import { VoiceCloneError } from '../../../../ml/errors';
import { seededRandom } from '../../../../ml/random';
import { checkDraft, checkName, checkVoiceId, makeVoiceId } from '../../../../ml/cloning/library/fields';
import type { VoiceDraft } from '../../../../ml/cloning/library/types';
import { fullDraft } from './fixtures';

function refusal(f: () => unknown): VoiceCloneError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(VoiceCloneError);
    const err = e as VoiceCloneError;
    expect(err.message).not.toContain('\n');
    return err;
  }
  throw new Error('expected a refusal');
}

describe('checkName', () => {
  it('keeps free text, trimmed and NFC-normalized, up to 80 characters', () => {
    expect(checkName('  Grand-mère Olga ')).toBe('Grand-mère Olga');
    expect(checkName('Gran\u0064-me\u0300re')).toBe('Grand-mère');
    expect(checkName('../../etc/passwd')).toBe('../../etc/passwd');
    expect(checkName('😀'.repeat(80))).toBe('😀'.repeat(80));
  });

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['too long', 'a'.repeat(81)],
    ['newline', 'a\nb'],
    ['NUL', 'a\0b'],
    ['DEL', 'a\x7fb'],
    ['C1 control', 'a\x85b'],
    ['bidi override', 'abc\u202eexe.txt'],
    ['lone surrogate', 'a\ud800b'],
    ['not text', 42],
  ])('refuses a name that is %s', (_, name) => {
    expect(refusal(() => checkName(name)).code).toBe('BAD_ARGUMENT');
  });
});

describe('voice ids', () => {
  it('makes ASCII slugs with a random suffix from any name', () => {
    expect(makeVoiceId('Grand-mère Ольга')).toMatch(/^grand-mere-olga-[0-9a-f]{6}$/);
    expect(makeVoiceId('../../etc/passwd')).toMatch(/^etc-passwd-[0-9a-f]{6}$/);
    expect(makeVoiceId('C:\\Windows\\..\\con')).toMatch(/^c-windows-con-[0-9a-f]{6}$/);
    expect(makeVoiceId('😀😀')).toMatch(/^voice-[0-9a-f]{6}$/);
    expect(makeVoiceId('A'.repeat(80)).length).toBe(47);
    expect(makeVoiceId('x')).not.toBe(makeVoiceId('x'));
    for (const name of ['Grand-mère Ольга', '你好', '..', ' - ', 'a'.repeat(39) + '-b']) {
      expect(checkVoiceId(makeVoiceId(name))).toMatch(/^[a-z0-9-]+$/);
    }
  });

  it.each([
    '', '..', '.', '../x-abcdef', 'x-abcdef/..', 'a/b-abcdef', 'a\\b-abcdef', '..\\x-abcdef', '/etc/passwd',
    'x-abcdef\0', 'X-abcdef', 'x-abcde', 'x-abcdeg', 'x.voice-abcdef', 'con', '-x-abcdef', 'x--y-abcdef',
    `${'a'.repeat(41)}-abcdef`, 'x-abcdef ', 'x‐abcdef',
  ])('refuses %j as an id', (id) => {
    expect(refusal(() => checkVoiceId(id)).message).toMatch(/is not a voice id/);
  });

  it('makes valid ids from 2000 random Unicode names', () => {
    const rand = seededRandom(7);
    for (let n = 0; n < 2000; n++) {
      const name = String.fromCodePoint(...Array.from({ length: 1 + Math.floor(rand() * 30) }, () => Math.floor(rand() * 0x3000)));
      expect(checkVoiceId(makeVoiceId(name))).toBeTruthy();
    }
  });

  it('refuses ids that are not strings', () => {
    for (const id of [undefined, null, 3, ['x-abcdef']]) expect(refusal(() => checkVoiceId(id)).code).toBe('BAD_ARGUMENT');
  });
});

describe('checkDraft', () => {
  it('accepts a complete draft and returns a trimmed copy', async () => {
    const draft = await fullDraft('  Olga  ');
    const checked = checkDraft(draft);
    expect(checked.name).toBe('Olga');
    expect(checked.embedding).toBe(draft.embedding);
    expect(Object.keys(checked.adapter ?? {})).toEqual(Object.keys(draft.adapter ?? {}));
  });

  it.each<[string, (d: VoiceDraft) => void, RegExp]>([
    ['a clip at 22.05 kHz', (d) => (d.clips[0].audio = { ...d.clips[0].audio, sampleRate: 22050 }), /resample it to 16000 Hz/],
    ['an empty clip', (d) => (d.clips[1].audio = { samples: new Float32Array(0), sampleRate: 16000 }), /Clip 2 is empty/],
    ['a clip over 300 s', (d) => (d.clips[0].audio = { samples: new Float32Array(16000 * 301), sampleRate: 16000 }), /limit is 300 s/],
    ['no clips', (d) => (d.clips = []), /needs 1 to 1000 clips/],
    ['a NaN in the embedding', (d) => (d.embedding[7] = NaN), /embedding has a non-finite value at index 7/],
    ['an empty embedding', (d) => (d.embedding = new Float32Array(0)), /must have 1 to 65536 values/],
    ['a plain-array embedding', (d) => (d.embedding = [1, 2] as unknown as Float32Array), /must be a Float32Array/],
    ['a tensor shape that does not fit its data', (d) => (d.adapter!['gain'].shape = [2]), /has 1 values but its shape holds 2/],
    ['a negative tensor dimension', (d) => (d.adapter!['gain'].shape = [-1]), /whole non-negative sizes/],
    ['an infinite tensor value', (d) => (d.adapter!['decoder/bias'].data[3] = Infinity), /non-finite value at index 3/],
    ['an empty tensor name', (d) => (d.adapter = { '': { shape: [], data: new Float32Array(1) } }), /tensor name "" is not 1 to 200/],
    ['an unknown method', (d) => ((d as { method: string }).method = 'magic'), /"magic" is not a cloning method/],
    ['a non-finite figure', (d) => (d.figures.similarity = NaN), /Figure "similarity" must be a finite number/],
    ['a figure that is text', (d) => ((d.figures as Record<string, unknown>).x = '1'), /Figure "x" must be a finite number/],
    ['an empty TTS model version', (d) => (d.ttsModel = ''), /TTS model version "" is not 1 to 200/],
    ['a control character in clip text', (d) => (d.clips[0].text = 'hi\x1b[31m'), /text of clip 1 contains control characters/],
    ['a consent score that is not a number', (d) => ((d.consent as { score: unknown }).score = 'high'), /consent score must be a finite number/],
    ['consent "verified" that is not a boolean', (d) => ((d.consent as { verified: unknown }).verified = 1), /"verified" must be true or false/],
  ])('refuses %s', async (_, spoil, message) => {
    const draft = await fullDraft();
    spoil(draft);
    const err = refusal(() => checkDraft(draft));
    expect(err.code).toBe('BAD_ARGUMENT');
    expect(err.message).toMatch(message);
  });

  it('keeps clip text with tabs and line breaks', async () => {
    const draft = await fullDraft();
    draft.clips[0].text = 'line one\nline two\ttabbed\r\n';
    expect(checkDraft(draft).clips[0].text).toBe('line one\nline two\ttabbed\r\n');
  });
});
