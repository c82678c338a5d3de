// What the watermark carries: this app's id and a 16-bit hash of the voice that spoke, protected by a CRC-16, as bits.
// 40 bits in all: app id (8) | voice hash (16, SHA-256 of the voice id) | CRC-16/CCITT-FALSE of the first three bytes.

import { createHash } from 'node:crypto';
import crc16ccitt from 'crc/crc16ccitt';
import { VoiceCloneError } from '../errors';

/** The app id every file this app synthesizes carries. */
export const APP_ID = 0x5c;

export interface Payload {
  /** 8-bit id of the app that made the audio (APP_ID for this one). */
  appId: number;
  /** 16-bit hash of the voice id (unsigned): which voice spoke, up to the odd collision in a large library. */
  voiceHash: number;
}

/** Bits a payload becomes: 24 data bits and 16 CRC bits. */
export const PAYLOAD_BITS = 40;
/** Bytes of the data the CRC covers: the app id and the voice hash. */
const DATA_BYTES = 3;

/** The payload for audio spoken by the voice `voiceId`. */
export function voicePayload(voiceId: string): Payload {
  if (voiceId.trim() === '') throw new VoiceCloneError('BAD_ARGUMENT', 'A watermark needs a non-empty voice id.');
  const digest = createHash('sha256').update(voiceId, 'utf8').digest();
  return { appId: APP_ID, voiceHash: digest.readUInt16BE(0) };
}

function checkPayload(p: Payload): void {
  if (!Number.isInteger(p.appId) || p.appId < 0 || p.appId > 0xff) {
    throw new VoiceCloneError('BAD_ARGUMENT', `A watermark app id must be a whole number from 0 to 255, not ${p.appId}.`);
  }
  if (!Number.isInteger(p.voiceHash) || p.voiceHash < 0 || p.voiceHash > 0xffff) {
    throw new VoiceCloneError('BAD_ARGUMENT', `A watermark voice hash must be an unsigned 16-bit whole number, not ${p.voiceHash}.`);
  }
}

function dataBytes(p: Payload): Buffer {
  const bytes = Buffer.alloc(DATA_BYTES);
  bytes.writeUInt8(p.appId, 0);
  bytes.writeUInt16BE(p.voiceHash, 1);
  return bytes;
}

/**
 * The voice among `voices` whose id `voicePayload` hashes to `voiceHash`, if exactly one does: when two share the hash
 * (16 bits: 20 voices hold such a pair with a chance of about 1 in 350), naming either could blame the wrong one.
 */
export function voiceWithHash<V extends { id: string }>(voices: readonly V[], voiceHash: number): V | undefined {
  const matches = voices.filter((v) => voicePayload(v.id).voiceHash === voiceHash);
  return matches.length === 1 ? matches[0] : undefined;
}

/** The payload as PAYLOAD_BITS bits (0/1), most significant bit first. */
export function payloadToBits(p: Payload): Uint8Array {
  checkPayload(p);
  const data = dataBytes(p);
  const bytes = Buffer.concat([data, Buffer.alloc(2)]);
  bytes.writeUInt16BE(crc16ccitt(data), DATA_BYTES);
  const bits = new Uint8Array(PAYLOAD_BITS);
  for (let i = 0; i < PAYLOAD_BITS; i++) bits[i] = (bytes[i >> 3] >> (7 - (i & 7))) & 1;
  return bits;
}

/** The payload in `bits`, or null when its CRC does not match. */
export function bitsToPayload(bits: Uint8Array): Payload | null {
  if (bits.length !== PAYLOAD_BITS) {
    throw new VoiceCloneError('BAD_ARGUMENT', `A watermark payload has ${PAYLOAD_BITS} bits, not ${bits.length}.`);
  }
  const bytes = Buffer.alloc(PAYLOAD_BITS / 8);
  for (let i = 0; i < PAYLOAD_BITS; i++) bytes[i >> 3] |= bits[i] << (7 - (i & 7));
  if (crc16ccitt(bytes.subarray(0, DATA_BYTES)) !== bytes.readUInt16BE(DATA_BYTES)) return null;
  return { appId: bytes.readUInt8(0), voiceHash: bytes.readUInt16BE(1) };
}
