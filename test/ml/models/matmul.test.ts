// The wasm-friendly matMul every model uses: same values and gradients as tf.matMul.
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend, tf } from '../../../ml/backend';
import { matMulPlain } from '../../../ml/models/matmul';

beforeAll(async () => {
  await initBackend();
});

describe('matMulPlain', () => {
  it('has the same value and gradients as tf.matMul', () => {
    const a = tf.randomNormal([5, 4], 0, 1, 'float32', 1);
    const b = tf.randomNormal([4, 3], 0, 1, 'float32', 2);
    const f = (mm: (x: tf.Tensor, y: tf.Tensor) => tf.Tensor) => (x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.square(mm(x, y)));
    const ours = tf.grads(f(matMulPlain))([a, b]);
    const ref = tf.grads(f((x, y) => tf.matMul(x as tf.Tensor2D, y as tf.Tensor2D)))([a, b]);
    for (let i = 0; i < 2; i++) {
      const d = tf.max(tf.abs(tf.sub(ours[i], ref[i]))).dataSync()[0];
      expect(d).toBeLessThan(1e-4);
    }
    expect(Array.from(matMulPlain(a, b).dataSync())).toEqual(Array.from(tf.matMul(a as tf.Tensor2D, b as tf.Tensor2D).dataSync()));
  });
});
