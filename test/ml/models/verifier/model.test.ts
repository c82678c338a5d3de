// The verifier network: output shape and unit norm for any window length, determinism, weight inventory.
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend, tf } from '../../../../ml/backend';
import { initVerifierWeights, verifierForward, VERIFIER_CONFIG, weightShapes } from '../../../../ml/models/verifier/model';

beforeAll(async () => {
  await initBackend();
});

describe('verifierForward', () => {
  it('maps [batch, frames, 80] to unit vectors [batch, 256] for windows of any length', () => {
    const w = initVerifierWeights(VERIFIER_CONFIG, 3);
    for (const frames of [2, 37, 128, 301]) {
      const out = tf.tidy(() => verifierForward(w, tf.randomNormal([3, frames, 80], -4, 2, 'float32', frames) as tf.Tensor3D));
      expect(out.shape).toEqual([3, VERIFIER_CONFIG.embeddingDim]);
      const norms = tf.tidy(() => tf.norm(out, 2, 1).arraySync() as number[]);
      for (const n of norms) expect(n).toBeCloseTo(1, 5);
      out.dispose();
    }
  });

  it('is deterministic: same seed, same weights; same input, same output; different inputs, different outputs', () => {
    const a = initVerifierWeights(VERIFIER_CONFIG, 5);
    const b = initVerifierWeights(VERIFIER_CONFIG, 5);
    const x = tf.randomNormal([2, 128, 80], -4, 2, 'float32', 11) as tf.Tensor3D;
    const ya = tf.tidy(() => verifierForward(a, x).arraySync() as number[][]);
    const yb = tf.tidy(() => verifierForward(b, x).arraySync() as number[][]);
    expect(ya).toEqual(yb);
    expect(ya[0]).not.toEqual(ya[1]);
  });

  it('has the documented weight inventory', () => {
    const names = weightShapes().map(([n]) => n);
    expect(names).toEqual(['melMean', 'melStd', 'inputW', 'inputB', 'outW', 'outB', 'block0W', 'block0B', 'block1W', 'block1B', 'block2W', 'block2B']);
    const params = weightShapes().reduce((s, [, shape]) => s + shape.reduce((p, d) => p * d, 1), 0);
    expect(params * 4).toBeLessThan(3e6);
  });

  it('refuses the wrong number of mel bands', () => {
    const w = initVerifierWeights(VERIFIER_CONFIG, 1);
    expect(() => tf.tidy(() => verifierForward(w, tf.zeros([1, 10, 40]) as tf.Tensor3D))).toThrow(/80 mel bands/);
  });
});
