// The watermark payload: app id and voice hash survive the trip through bits, the CRC catches damage, and bad input
// is refused with a readable error.
import { describe, expect, it } from 'vitest';
import { APP_ID, bitsToPayload, PAYLOAD_BITS, payloadToBits, voicePayload, voiceWithHash } from '../../../ml/watermark/payload';

describe('watermark payload', () => {
  it('hashes a voice id to a fixed 16-bit value under this app id', () => {
    const a = voicePayload('voice-anna');
    expect(a).toEqual(voicePayload('voice-anna'));
    expect(a.appId).toBe(APP_ID);
    expect(a.voiceHash).toBeGreaterThanOrEqual(0);
    expect(a.voiceHash).toBeLessThanOrEqual(0xffff);
    expect(voicePayload('voice-bob').voiceHash).not.toBe(a.voiceHash);
  });

  it('round-trips through bits, and the CRC rejects any single flipped bit', () => {
    const p = { appId: 0x5c, voiceHash: 0xbeef };
    const bits = payloadToBits(p);
    expect(bits).toHaveLength(PAYLOAD_BITS);
    expect(bitsToPayload(bits)).toEqual(p);
    for (let i = 0; i < PAYLOAD_BITS; i++) {
      const damaged = bits.slice();
      damaged[i] ^= 1;
      expect(bitsToPayload(damaged)).toBeNull();
    }
  });

  it('refuses empty voice ids and out-of-range fields', () => {
    expect(() => voicePayload('  ')).toThrow(/non-empty voice id/);
    expect(() => payloadToBits({ appId: 256, voiceHash: 1 })).toThrow(/app id/);
    expect(() => payloadToBits({ appId: 1, voiceHash: -1 })).toThrow(/voice hash/);
    expect(() => payloadToBits({ appId: 1, voiceHash: 0x10000 })).toThrow(/16-bit/);
    expect(() => bitsToPayload(new Uint8Array(8))).toThrow(/40 bits/);
  });

  it('names the voice with a hash only when no other voice shares it', () => {
    const voices = [{ id: 'voice-40' }, { id: 'voice-41' }, { id: 'voice-157' }];
    // voice-40 and voice-157 share the 16-bit hash 0xa2d6.
    expect(voicePayload('voice-40').voiceHash).toBe(0xa2d6);
    expect(voicePayload('voice-157').voiceHash).toBe(0xa2d6);
    expect(voiceWithHash(voices, 0xa2d6)).toBeUndefined();
    expect(voiceWithHash(voices.slice(0, 2), 0xa2d6)).toEqual({ id: 'voice-40' });
    expect(voiceWithHash(voices, voicePayload('voice-41').voiceHash)).toEqual({ id: 'voice-41' });
  });
});
