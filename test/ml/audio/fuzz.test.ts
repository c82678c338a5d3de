// Fuzzing the loader with 1,000 seeded random and mutated files (truncation, bit flips, corrupted header fields,
// random chunk sizes, random bytes behind real magic): every outcome is a clip or a VoiceCloneError, never a hang.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadClipFromBytes } from '../../../ml/audio/load';
import { isVoiceCloneError, type VoiceCloneErrorCode } from '../../../ml/errors';
import { VCC_FILE, sox, tempDir } from './fixtures';
import { sharedData } from '../../support/shared-data';
import { seededRandom } from '../../../ml/random';

const CASES = 1000;
/** Longest any single file may take before it counts as a hang (ms). */
const HANG_MS = 10_000;

function seedFiles(): { name: string; bytes: Uint8Array }[] {
  const dir = tempDir('fuzz');
  const src = sharedData(VCC_FILE);
  const kinds: [string, string[]][] = [
    ['pcm16.wav', ['-b', '16']],
    ['pcm24-stereo-44k.wav', ['-b', '24', '-r', '44100', '-c', '2']],
    ['float32.wav', ['-e', 'floating-point', '-b', '32', '-r', '22050']],
    ['pcm8.wav', ['-b', '8', '-r', '8000']],
    ['speech.flac', []],
    ['speech.mp3', []],
    ['speech.ogg', []],
  ];
  return kinds.map(([name, args]) => {
    const file = path.join(dir, name);
    sox(src, ...args, file, 'trim', '0.2', '1.2');
    return { name, bytes: new Uint8Array(fs.readFileSync(file)) };
  });
}

type Mutation = (b: Uint8Array, rand: () => number) => Uint8Array;
const int = (rand: () => number, n: number) => Math.floor(rand() * n);

const MUTATIONS: Record<string, Mutation> = {
  truncate: (b, rand) => b.slice(0, int(rand, b.length)),
  bitFlips: (b, rand) => {
    const out = b.slice();
    for (let k = 1 + int(rand, 20); k > 0; k--) {
      const at = int(rand, out.length);
      out[at] ^= 1 << int(rand, 8);
    }
    return out;
  },
  headerField: (b, rand) => {
    const out = b.slice();
    const at = int(rand, Math.min(out.length - 4, 120));
    const value = [0, 0xffffffff, 0x7fffffff, 1, int(rand, 2 ** 32), int(rand, 256)][int(rand, 6)];
    new DataView(out.buffer).setUint32(at, value, true);
    return out;
  },
  chunkSizes: (b, rand) => {
    // Rewrites the size of RIFF chunks (or any 4-character tag) to a random value.
    const out = b.slice();
    const view = new DataView(out.buffer);
    for (let i = 12; i + 8 <= out.length && i < 4096; i++) {
      const tag = String.fromCharCode(...out.subarray(i, i + 4));
      if (/^(fmt |data|fact|LIST|ds64)$/.test(tag) && rand() < 0.7) view.setUint32(i + 4, int(rand, 2 ** 32), true);
    }
    return out;
  },
  randomTail: (b, rand) => {
    const out = b.slice(0, 4 + int(rand, 200));
    const tail = Uint8Array.from({ length: int(rand, 20000) }, () => int(rand, 256));
    const joined = new Uint8Array(out.length + tail.length);
    joined.set(out);
    joined.set(tail, out.length);
    return joined;
  },
  randomBytes: (_b, rand) => Uint8Array.from({ length: int(rand, 3000) }, () => int(rand, 256)),
  spliced: (b, rand) => {
    const out = b.slice();
    const from = int(rand, out.length);
    const to = int(rand, out.length);
    out.copyWithin(to, from, Math.min(out.length, from + int(rand, 4096)));
    return out;
  },
};

async function outcome(bytes: Uint8Array, name: string): Promise<VoiceCloneErrorCode | 'ok'> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`hang: ${name} took over ${HANG_MS} ms`)), HANG_MS);
  });
  try {
    const clip = await Promise.race([loadClipFromBytes(bytes, name), hang]);
    expect(clip.audio.sampleRate).toBe(16000);
    expect(clip.audio.samples.every(Number.isFinite)).toBe(true);
    return 'ok';
  } catch (e) {
    if (isVoiceCloneError(e)) return e.code;
    throw new Error(`${name} threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
  } finally {
    clearTimeout(timer);
  }
}

describe('fuzzing the audio loader', () => {
  it(`turns ${CASES} random and mutated files into clips or typed errors`, async () => {
    const seeds = seedFiles();
    for (const s of seeds) expect(await outcome(s.bytes, s.name)).toBe('ok');
    const rand = seededRandom(20160101);
    const names = Object.keys(MUTATIONS);
    const tally: Record<string, number> = {};
    for (let i = 0; i < CASES; i++) {
      const seed = seeds[int(rand, seeds.length)];
      const mutation = names[int(rand, names.length)];
      const bytes = MUTATIONS[mutation](seed.bytes, rand);
      const result = await outcome(bytes, `case ${i} (${mutation} of ${seed.name})`);
      tally[result] = (tally[result] ?? 0) + 1;
    }
    console.log('fuzz outcomes', JSON.stringify(tally));
    expect(Object.values(tally).reduce((a, b) => a + b, 0)).toBe(CASES);
    // The mutations must exercise both paths: some files still decode, most fail in several typed ways.
    expect(tally.ok).toBeGreaterThan(50);
    expect(Object.keys(tally).length).toBeGreaterThanOrEqual(5);
  });
});
