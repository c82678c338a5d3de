// 200 alternating clone/say cycles in one process: the tensor count stays flat and resident memory stays bounded
// (no tensor or adapter leaks in cloning, synthesis, the voice library or the engine's caches).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tf } from '../../ml/backend';
import { createEngine } from '../../ml/engine';
import { sharedData } from '../support/shared-data';
import { tempDir } from './audio/fixtures';

const CYCLES = 200;

describe('engine memory', () => {
  it(`keeps tensors flat over ${CYCLES} clone/say cycles`, { timeout: 1_200_000 }, async () => {
    const engine = await createEngine({ libraryDir: tempDir('engine-memory'), checkConsent: false });
    const clips = ['100001', '100002'].map((n) => ({ name: `${n}.flac`, bytes: new Uint8Array(readFileSync(sharedData(`vcc2016/train/TF2/${n}.flac`))), text: '' }));
    let tensorsAfterWarmup = 0;
    let rssAfterWarmup = 0;
    for (let i = 0; i < CYCLES; i++) {
      const voice = await engine.clone({ jobId: `m${i}`, name: `Cycle ${i}`, method: 'encode', clips }, () => {});
      const said = await engine.synthesize(voice.id, 'Hello.');
      expect(said.seconds).toBeGreaterThan(0.2);
      await engine.deleteVoice(voice.id);
      if (i === 9) {
        tensorsAfterWarmup = tf.memory().numTensors;
        rssAfterWarmup = process.memoryUsage().rss;
      }
    }
    expect(tf.memory().numTensors).toBe(tensorsAfterWarmup);
    expect(process.memoryUsage().rss - rssAfterWarmup).toBeLessThan(300 * 1024 * 1024);
  });
});
