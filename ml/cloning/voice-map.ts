// A 2-D picture of the speaker space: every voice's embedding projected on the first two principal components,
// so a new voice can be seen among the built-in ones. PCA through ml-matrix's SVD.

import { Matrix, SingularValueDecomposition } from 'ml-matrix';

export interface MapInput {
  id: string;
  embedding: Float32Array;
}

/** x, y per input (same order); fewer than two inputs, or identical ones, sit at the origin. */
export function pcaMap(inputs: readonly MapInput[]): Array<{ id: string; x: number; y: number }> {
  if (inputs.length < 2) return inputs.map((v) => ({ id: v.id, x: 0, y: 0 }));
  const dim = inputs[0].embedding.length;
  const m = new Matrix(inputs.map((v) => Array.from(v.embedding)));
  const mean = Array.from({ length: dim }, (_, d) => m.getColumn(d).reduce((a, b) => a + b, 0) / inputs.length);
  for (let i = 0; i < inputs.length; i++) for (let d = 0; d < dim; d++) m.set(i, d, m.get(i, d) - mean[d]);
  const svd = new SingularValueDecomposition(m, { computeLeftSingularVectors: false, computeRightSingularVectors: true, autoTranspose: true });
  const v = svd.rightSingularVectors;
  return inputs.map((item, i) => {
    let x = 0;
    let y = 0;
    for (let d = 0; d < dim; d++) {
      x += m.get(i, d) * v.get(d, 0);
      y += m.get(i, d) * (v.columns > 1 ? v.get(d, 1) : 0);
    }
    return { id: item.id, x, y };
  });
}
