// Tests for the voice file format: a voice survives the trip through bytes exactly (clips to 16-bit), and files whose
// checksum is right but whose fields are wrong (crafted by hand) are refused field by field.
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeContainer, encodeContainer } from '../../../../ml/cloning/library/container';
import { checkDraft } from '../../../../ml/cloning/library/fields';
import type { Voice } from '../../../../ml/cloning/library/types';
import { decodeVoiceFile, encodeVoiceFile, voiceFromFile, voiceToFile } from '../../../../ml/cloning/library/voice-file';
import { VoiceCloneError } from '../../../../ml/errors';
import { bits, fullDraft, quantized } from './fixtures';

let voice: Voice;
let bytes: Uint8Array;

beforeAll(async () => {
  voice = { ...checkDraft(await fullDraft()), id: 'grand-mere-olga-3f9a1c', createdAt: '2024-05-01T12:00:00.000Z' };
  bytes = encodeVoiceFile(voiceToFile(voice));
});

/** The file with its header changed by `edit` and a correct checksum, as a forger would make it. */
function forged(edit: (meta: Record<string, unknown>, blobs: Uint8Array[]) => void): Uint8Array {
  const { meta, blobs } = decodeContainer(bytes, 'original');
  const copy = structuredClone(meta) as Record<string, unknown>;
  const blobCopy = blobs.map((b) => b.slice());
  edit(copy, blobCopy);
  return encodeContainer(copy, blobCopy);
}

async function refusal(file: Uint8Array): Promise<VoiceCloneError> {
  try {
    await voiceFromFile(decodeVoiceFile(file, 'The forged file'), 'The forged file');
  } catch (e) {
    expect(e).toBeInstanceOf(VoiceCloneError);
    expect((e as Error).message).not.toContain('\n');
    return e as VoiceCloneError;
  }
  throw new Error('expected the forged file to be refused');
}

describe('voice file', () => {
  it('round-trips every field; floats bit-exact, clips as 16-bit samples', async () => {
    const back = await voiceFromFile(decodeVoiceFile(bytes, 'test'), 'test');
    expect(bits(back.embedding)).toEqual(bits(voice.embedding));
    for (const [name, t] of Object.entries(voice.adapter!)) {
      expect(back.adapter![name].shape).toEqual(t.shape);
      expect(bits(back.adapter![name].data)).toEqual(bits(t.data));
    }
    back.clips.forEach((c, i) => {
      expect(c.text).toBe(voice.clips[i].text);
      expect(c.audio.sampleRate).toBe(16000);
      expect(bits(c.audio.samples)).toEqual(bits(quantized(voice.clips[i].audio.samples)));
    });
    expect(bits(back.consent!.audio.samples)).toEqual(bits(quantized(voice.consent!.audio.samples)));
    const { embedding: _e, adapter: _a, clips: _c, consent, ...rest } = back;
    const { embedding: _e2, adapter: _a2, clips: _c2, consent: consent2, ...restIn } = voice;
    expect(rest).toEqual(restIn);
    expect({ ...consent, audio: null }).toEqual({ ...consent2, audio: null });
  });

  it('writes the same bytes again for the voice it read', async () => {
    const back = await voiceFromFile(decodeVoiceFile(bytes, 'test'), 'test');
    expect(encodeVoiceFile(voiceToFile(back))).toEqual(bytes);
  });

  it.each<[string, (m: Record<string, unknown>, b: Uint8Array[]) => void, RegExp]>([
    ['an id that climbs out of the library', (m) => (m.id = '../../evil-3f9a1c'), /is invalid: "..\/..\/evil-3f9a1c" is not a voice id/],
    ['an id with a NUL', (m) => (m.id = 'evil\0-3f9a1c'), /is not a voice id/],
    ['a name with a control character', (m) => (m.name = 'Olga\x07'), /cannot contain control characters/],
    ['a name of 81 characters', (m) => (m.name = 'x'.repeat(81)), /at most 80 characters/],
    ['an unknown method', (m) => (m.method = 'steal'), /"steal" is not a cloning method/],
    ['a creation time that is not ISO', (m) => (m.createdAt = 'yesterday'), /"yesterday" is not a creation time/],
    ['an impossible date', (m) => (m.createdAt = '2024-02-30T12:00:00.000Z'), /is not a creation time/],
    ['a figure that is text', (m) => (m.figures = { similarity: 'high' }), /Figure "similarity" must be a finite number/],
    ['no clips', (m, b) => { m.clips = []; b.splice(4, 2); }, /clip list must be a list of 1 to 1000/],
    ['a missing consent field', (m) => (m.consent = { text: 'ok', score: 0.9 }), /"verified" must be true or false/],
    ['a bad embedding length', (m) => (m.embeddingLength = 0), /embedding length 0 is not 1 to 65536/],
    ['a blob missing from the table', (m, b) => { b.pop(); m.consent = { text: 'ok', verified: true, score: 1 }; }, /holds 6 blobs where its header needs 7/],
    ['an embedding of the wrong size', (m) => (m.embeddingLength = 255), /the embedding has 1024 bytes, not 1020/],
    ['a tensor shape that does not match its blob', (m) => ((m.adapter as { shape: number[] }[])[0].shape = [32, 64, 2]), /has 8192 bytes, not 16384/],
    ['two tensors with one name', (m) => ((m.adapter as { name: string }[])[1].name = 'decoder/lstm/kernel'), /Two adapter tensors have the same name/],
    ['a NaN in the embedding', (_, b) => new DataView(b[0].buffer).setFloat32(8, NaN, true), /embedding has a non-finite value at index 2/],
    ['a clip that is not audio', (_, b) => b[4].fill(0x41), /Clip 1 of The forged file is not an audio file/],
    ['a clip at 8 kHz', (_, b) => new DataView(b[5].buffer).setUint32(24, 8000, true), /Clip 2 of The forged file is not mono 16-bit WAV at 16000 Hz/],
  ])('refuses %s even with a correct checksum', async (_, edit, message) => {
    expect((await refusal(forged(edit))).message).toMatch(message);
  });
});
