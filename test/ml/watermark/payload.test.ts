// The watermark payload: app id and voice hash survive the trip through bits, the CRC catches damage, and bad input
// is refused with a readable error.
import { describe, expect, it } from 'vitest';
import { APP_ID, bitsToPayload, PAYLOAD_BITS, payloadToBits, voicePayload } from '../../../ml/watermark/payload';

describe('watermark payload', () => {
  it('hashes a voice id to a fixed 32-bit value under this app id', () => {
    const a = voicePayload('voice-anna');
    expect(a).toEqual(voicePayload('voice-anna'));
    expect(a.appId).toBe(APP_ID);
    expect(a.voiceHash).toBeGreaterThanOrEqual(0);
    expect(a.voiceHash).toBeLessThanOrEqual(0xffffffff);
    expect(voicePayload('voice-bob').voiceHash).not.toBe(a.voiceHash);
  });

  it('round-trips through bits, and the CRC rejects any single flipped bit', () => {
    const p = { appId: 0x5c, voiceHash: 0xdeadbeef };
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
    expect(() => bitsToPayload(new Uint8Array(8))).toThrow(/56 bits/);
  });
});
