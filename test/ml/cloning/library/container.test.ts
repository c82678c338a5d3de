// Tests for the voice file container: exact round trip, and truncated, padded, tampered, foreign or newer files
// refused with one readable line.
import { describe, expect, it } from 'vitest';
import { CONTAINER_VERSION, decodeContainer, encodeContainer } from '../../../../ml/cloning/library/container';
import { VoiceCloneError } from '../../../../ml/errors';
import { seededRandom } from '../../../../ml/random';

function randomBytes(n: number, seed: number): Uint8Array {
  const rand = seededRandom(seed);
  return Uint8Array.from({ length: n }, () => Math.floor(rand() * 256));
}

const meta = { id: 'olga-3f9a1c', name: 'Grand-mère Olga', list: [1, 2.5, null] };
const blobs = [randomBytes(1000, 1), new Uint8Array(0), randomBytes(33, 2)];
const file = encodeContainer(meta, blobs);

function refusal(bytes: Uint8Array): VoiceCloneError {
  try {
    decodeContainer(bytes, 'The test file');
  } catch (e) {
    expect(e).toBeInstanceOf(VoiceCloneError);
    const err = e as VoiceCloneError;
    expect(err.message).not.toContain('\n');
    expect(err.message).toMatch(/^The test file /);
    return err;
  }
  throw new Error('expected the file to be refused');
}

describe('voice file container', () => {
  it('gives back the same header and blobs, bit for bit', () => {
    const back = decodeContainer(file, 'The test file');
    expect(back.meta).toEqual(meta);
    expect(back.blobs.map((b) => Array.from(b))).toEqual(blobs.map((b) => Array.from(b)));
    expect(new TextDecoder().decode(file.subarray(0, 8))).toBe('VCVOICE\0');
    expect(new DataView(file.buffer).getUint32(8, true)).toBe(CONTAINER_VERSION);
  });

  it('refuses the file cut at any length', () => {
    for (let cut = 0; cut < file.length; cut += 7) {
      const err = refusal(file.subarray(0, cut));
      expect(err.code).toBe('TRUNCATED');
      expect(err.message).toMatch(/cut short|not valid JSON/);
    }
    expect(refusal(file.subarray(0, file.length - 1)).message).toMatch(/cut short \(\d+ of \d+ bytes\)/);
  });

  it('refuses extra bytes at the end', () => {
    const padded = new Uint8Array(file.length + 3);
    padded.set(file);
    expect(refusal(padded).message).toMatch(/damaged: it has 3 extra bytes at the end/);
  });

  it('refuses any single flipped byte after the magic and version', () => {
    for (let at = 12; at < file.length; at++) {
      const tampered = file.slice();
      tampered[at] ^= 0x20;
      expect(refusal(tampered).code).toBe('TRUNCATED');
    }
    const blob = file.slice();
    blob[file.length - 100] ^= 1;
    expect(refusal(blob).message).toBe('The test file is damaged: its checksum does not match its contents.');
  });

  it('refuses a header that declares huge blobs without trying to allocate them', () => {
    const header = new TextEncoder().encode(JSON.stringify({ blobs: [2 ** 40], meta: {} }));
    const bytes = new Uint8Array(16 + header.length + 32);
    bytes.set(file.subarray(0, 12));
    new DataView(bytes.buffer).setUint32(12, header.length, true);
    bytes.set(header, 16);
    expect(refusal(bytes).message).toMatch(/cut short/);
  });

  it('refuses files that are not voice files, or from a newer version', () => {
    expect(refusal(new TextEncoder().encode('RIFF....WAVEfmt ')).message).toBe('The test file is not a voice file.');
    const newer = file.slice();
    new DataView(newer.buffer).setUint32(8, CONTAINER_VERSION + 1, true);
    const err = refusal(newer);
    expect(err.code).toBe('BAD_ARGUMENT');
    expect(err.message).toMatch(/version 2, made by a newer version of this app; this app reads version 1/);
  });

  it('refuses a blob table with sizes that are not whole byte counts', () => {
    for (const sizes of [[-1], [1.5], ['3'], null]) {
      const header = new TextEncoder().encode(JSON.stringify({ blobs: sizes, meta: {} }));
      const bytes = new Uint8Array(16 + header.length + 32);
      bytes.set(file.subarray(0, 12));
      new DataView(bytes.buffer).setUint32(12, header.length, true);
      bytes.set(header, 16);
      expect(refusal(bytes).message).toMatch(/blob table/);
    }
  });
});
