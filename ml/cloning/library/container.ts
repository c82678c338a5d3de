// The voice file container, the same bytes on disk and in an export: magic, format version, a JSON header, binary
// blobs and a SHA-256 of everything before it. Every size is checked before it is trusted.
//
// Layout (integers little-endian):
//   0      8 bytes   magic "VCVOICE\0"
//   8      uint32    container format version (CONTAINER_VERSION)
//   12     uint32    header length H
//   16     H bytes   header, UTF-8 JSON: {"blobs": [byte length of each blob], "meta": {...}}
//   16+H   blobs, back to back, in header order
//   end    32 bytes  SHA-256 of all bytes before it

import { createHash } from 'node:crypto';
import { VoiceCloneError } from '../../errors';
import { isRecord } from './fields';

export const CONTAINER_VERSION = 1;
/** Largest voice file read or written (1 GiB). */
export const MAX_VOICE_BYTES = 2 ** 30;

const MAGIC = new TextEncoder().encode('VCVOICE\0');
const PREFIX_BYTES = MAGIC.length + 8;
const HASH_BYTES = 32;

export interface Container {
  /** The header's free part, parsed JSON; the caller validates it. */
  meta: unknown;
  /** Views into the decoded bytes. */
  blobs: Uint8Array[];
}

function sha256(bytes: Uint8Array): Uint8Array {
  return createHash('sha256').update(bytes).digest();
}

/** Packs `meta` (JSON-serializable) and `blobs` into one container. */
export function encodeContainer(meta: unknown, blobs: Uint8Array[]): Uint8Array {
  const header = new TextEncoder().encode(JSON.stringify({ blobs: blobs.map((b) => b.length), meta }));
  const total = PREFIX_BYTES + header.length + blobs.reduce((n, b) => n + b.length, 0) + HASH_BYTES;
  if (total > MAX_VOICE_BYTES) {
    throw new VoiceCloneError('BAD_ARGUMENT', `The voice is ${(total / 2 ** 20).toFixed(0)} MiB; the limit is ${MAX_VOICE_BYTES / 2 ** 20} MiB.`);
  }
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  out.set(MAGIC, 0);
  view.setUint32(MAGIC.length, CONTAINER_VERSION, true);
  view.setUint32(MAGIC.length + 4, header.length, true);
  out.set(header, PREFIX_BYTES);
  let at = PREFIX_BYTES + header.length;
  for (const blob of blobs) {
    out.set(blob, at);
    at += blob.length;
  }
  out.set(sha256(out.subarray(0, at)), at);
  return out;
}

function damaged(label: string, why: string): VoiceCloneError {
  return new VoiceCloneError('TRUNCATED', `${label} is damaged: ${why}.`);
}

function parseHeader(bytes: Uint8Array, label: string): { blobs: number[]; meta: unknown } {
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw damaged(label, 'its header is not valid JSON');
  }
  if (!isRecord(header) || !Array.isArray(header.blobs) || !('meta' in header)) throw damaged(label, 'its header has no blob table');
  const sizes = header.blobs as unknown[];
  if (!sizes.every((n): n is number => Number.isSafeInteger(n) && (n as number) >= 0)) {
    throw damaged(label, 'its blob table has a size that is not a whole number of bytes');
  }
  return { blobs: sizes, meta: header.meta };
}

/** Unpacks a container, refusing wrong magic or version, wrong sizes and a checksum that does not match. */
export function decodeContainer(bytes: Uint8Array, label: string): Container {
  const magicSeen = bytes.subarray(0, MAGIC.length);
  if (!magicSeen.every((b, i) => b === MAGIC[i])) {
    throw new VoiceCloneError('BAD_ARGUMENT', `${label} is not a voice file.`);
  }
  if (bytes.length > MAX_VOICE_BYTES) {
    throw new VoiceCloneError('BAD_ARGUMENT', `${label} is larger than the ${MAX_VOICE_BYTES / 2 ** 20} MiB a voice may have.`);
  }
  if (bytes.length < PREFIX_BYTES + HASH_BYTES) throw damaged(label, `it is cut short at ${bytes.length} bytes`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(MAGIC.length, true);
  if (version !== CONTAINER_VERSION) {
    const newer = version > CONTAINER_VERSION ? ', made by a newer version of this app' : '';
    throw new VoiceCloneError('BAD_ARGUMENT', `${label} is voice format version ${version}${newer}; this app reads version ${CONTAINER_VERSION}.`);
  }
  const headerBytes = view.getUint32(MAGIC.length + 4, true);
  if (PREFIX_BYTES + headerBytes + HASH_BYTES > bytes.length) throw damaged(label, `it is cut short at ${bytes.length} bytes`);
  const header = parseHeader(bytes.subarray(PREFIX_BYTES, PREFIX_BYTES + headerBytes), label);
  const expected = PREFIX_BYTES + headerBytes + header.blobs.reduce((n, b) => n + b, 0) + HASH_BYTES;
  if (expected !== bytes.length) {
    throw damaged(label, expected > bytes.length ? `it is cut short (${bytes.length} of ${expected} bytes)` : `it has ${bytes.length - expected} extra bytes at the end`);
  }
  const body = bytes.subarray(0, bytes.length - HASH_BYTES);
  const stored = bytes.subarray(bytes.length - HASH_BYTES);
  if (!sha256(body).every((b, i) => b === stored[i])) throw damaged(label, 'its checksum does not match its contents');
  const blobs: Uint8Array[] = [];
  let at = PREFIX_BYTES + headerBytes;
  for (const size of header.blobs) {
    blobs.push(bytes.subarray(at, at + size));
    at += size;
  }
  return { meta: header.meta, blobs };
}
