// Tests for the in-graph log-mel on the wasm backend: agreement with the plain-JS logMel on real VCC2016 speech,
// batching, and a finite gradient that matches finite differences (no kernel without a gradient on wasm).

import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend, tf } from '../../../ml/backend';
import { MEL } from '../../../ml/audio/config';
import { logMel } from '../../../ml/audio/mel';
import { logMelTensor } from '../../../ml/audio/mel-tensor';
import type { MonoAudio } from '../../../ml/audio/types';
import { readMono, VCC_FILE } from './fixtures';
import { sharedData } from '../../support/shared-data';
import { seededRandom } from '../../../ml/random';

let speech: MonoAudio;

beforeAll(async () => {
  process.env.VOICECLONE_BACKEND = 'wasm';
  await initBackend();
  speech = await readMono(sharedData(VCC_FILE));
});

describe('logMelTensor', () => {
  it('runs on the wasm backend', () => {
    expect(tf.getBackend()).toBe('wasm');
  });

  it('matches the plain-JS logMel on real speech wherever the mel energy is at least 10× the floor', () => {
    const ref = logMel(speech);
    const out = tf.tidy(() => logMelTensor(tf.tensor2d(speech.samples, [1, speech.samples.length])));
    expect(out.shape).toEqual([1, ref.frames, MEL.nMels]);
    const got = out.dataSync();
    out.dispose();
    const aboveFloor = Math.log(10 * MEL.logFloor);
    let maxDiff = 0;
    let compared = 0;
    for (let i = 0; i < got.length; i++) {
      if (ref.data[i] < aboveFloor) continue;
      compared++;
      maxDiff = Math.max(maxDiff, Math.abs(got[i] - ref.data[i]));
    }
    expect(compared).toBeGreaterThan(0.7 * got.length);
    expect(maxDiff).toBeLessThan(1e-3);
  });

  it('handles a batch: each row equals the single-signal result', () => {
    const n = 8000;
    const a = speech.samples.slice(8000, 8000 + n);
    const b = speech.samples.slice(24000, 24000 + n);
    const [batched, single] = tf.tidy(() => [
      logMelTensor(tf.tensor2d([...a, ...b], [2, n])),
      logMelTensor(tf.tensor2d(b, [1, n])),
    ]);
    expect(batched.shape).toEqual([2, 1 + n / MEL.hopLength, MEL.nMels]);
    const second = batched.dataSync().subarray(single.size);
    const alone = single.dataSync();
    let maxDiff = 0;
    for (let i = 0; i < alone.length; i++) maxDiff = Math.max(maxDiff, Math.abs(second[i] - alone[i]));
    expect(maxDiff).toBeLessThan(1e-5);
    tf.dispose([batched, single]);
  });

  it('has a finite gradient w.r.t. the samples that matches finite differences of the plain-JS logMel', () => {
    const n = 4000;
    const x0 = speech.samples.slice(24000, 24000 + n);
    const frames = 1 + n / MEL.hopLength;
    // Random weights on cells with mel energy above 0.01: there the log is smooth enough for finite differences.
    const base = logMel({ samples: x0, sampleRate: MEL.sampleRate }).data;
    const rand = seededRandom(11);
    const w = Float32Array.from(base, (v) => (v > Math.log(0.01) ? rand() - 0.5 : 0));
    const direction = Float32Array.from({ length: n }, () => rand() - 0.5);

    const weights = tf.tensor3d(w, [1, frames, MEL.nMels]);
    const grad = tf.tidy(() => tf.grad((x: tf.Tensor) => tf.sum(tf.mul(logMelTensor(x as tf.Tensor2D), weights)))(tf.tensor2d(x0, [1, n])));
    const g = grad.dataSync();
    tf.dispose([grad, weights]);
    let finite = 0;
    let projected = 0;
    for (let i = 0; i < n; i++) {
      if (Number.isFinite(g[i])) finite++;
      projected += g[i] * direction[i];
    }
    expect(finite).toBe(n);

    const eps = 1e-4;
    const loss = (s: number): number => {
      const m = logMel({ samples: x0.map((v, i) => v + s * eps * direction[i]), sampleRate: MEL.sampleRate }).data;
      return m.reduce((acc, v, i) => acc + v * w[i], 0);
    };
    const numeric = (loss(1) - loss(-1)) / (2 * eps);
    expect(Math.abs(numeric - projected)).toBeLessThan(0.02 * Math.abs(numeric));
  });

  it('rejects signals shorter than half an FFT', () => {
    expect(() => logMelTensor(tf.zeros([1, 100]) as tf.Tensor2D)).toThrow(expect.objectContaining({ code: 'TOO_SHORT' }));
  });
});
