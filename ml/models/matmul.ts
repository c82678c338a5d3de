// matMul whose gradient uses explicit transposes: the wasm backend's transposed matMul is ~10× slower than a plain one,
// and tf.matMul's built-in gradient multiplies by transposed operands. Same values, same gradients, fast on wasm.

import { tf } from '../backend';

const plain = tf.customGrad<tf.Tensor2D>((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
  const [a, b, save] = args as [tf.Tensor2D, tf.Tensor2D, tf.GradSaveFunc];
  save([a, b]);
  return {
    value: tf.matMul(a, b) as tf.Tensor2D,
    gradFunc: (dy: tf.Tensor2D, saved: tf.Tensor[]) => [
      tf.matMul(dy, tf.transpose(saved[1] as tf.Tensor2D)),
      tf.matMul(tf.transpose(saved[0] as tf.Tensor2D), dy),
    ],
  };
});

/** a [m, k] × b [k, n] → [m, n], with a gradient built from untransposed matMuls. */
export function matMulPlain(a: tf.Tensor, b: tf.Tensor): tf.Tensor2D {
  return plain(a, b) as tf.Tensor2D;
}
