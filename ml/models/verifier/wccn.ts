// Within-class covariance normalization (WCCN), the verifier's scoring back-end: a linear map, fitted on training
// speakers only, that whitens how one speaker's embeddings vary between utterances, so cosine weighs speaker cues more.

import { CholeskyDecomposition, inverse, Matrix } from 'ml-matrix';
import { VoiceCloneError } from '../../errors';

/** Within-speaker covariance [dim × dim] (row-major) of embeddings of speakers with at least two utterances. */
export function withinClassCovariance(embeddings: readonly ArrayLike<number>[], speakers: readonly string[]): Float64Array {
  if (embeddings.length !== speakers.length || embeddings.length === 0) {
    throw new VoiceCloneError('BAD_ARGUMENT', 'WCCN needs one speaker label per embedding, and at least one embedding.');
  }
  const dim = embeddings[0].length;
  const groups = new Map<string, number[]>();
  speakers.forEach((s, i) => groups.set(s, [...(groups.get(s) ?? []), i]));
  const cov = new Float64Array(dim * dim);
  let n = 0;
  const centered = new Float64Array(dim);
  for (const idx of groups.values()) {
    if (idx.length < 2) continue;
    const mean = new Float64Array(dim);
    for (const i of idx) for (let d = 0; d < dim; d++) mean[d] += embeddings[i][d] / idx.length;
    for (const i of idx) {
      for (let d = 0; d < dim; d++) centered[d] = embeddings[i][d] - mean[d];
      for (let a = 0; a < dim; a++) for (let b = 0; b < dim; b++) cov[a * dim + b] += centered[a] * centered[b];
      n++;
    }
  }
  if (n === 0) throw new VoiceCloneError('BAD_ARGUMENT', 'WCCN needs at least one speaker with two or more embeddings.');
  return cov.map((v) => v / n);
}

/**
 * The WCCN map P = L⁻¹ (row-major [dim × dim]) where L·Lᵀ = Sw + shrink·mean(diag Sw)·I: applying P whitens the
 * (shrunk) within-speaker covariance. `shrink` > 0 keeps directions the training speakers never varied in.
 */
export function wccnProjection(within: Float64Array, dim: number, shrink: number): Float32Array {
  if (within.length !== dim * dim || !(shrink > 0)) {
    throw new VoiceCloneError('BAD_ARGUMENT', `WCCN needs a ${dim}×${dim} covariance and a positive shrinkage, got ${within.length} values and ${shrink}.`);
  }
  const a = Matrix.from1DArray(dim, dim, Array.from(within));
  let trace = 0;
  for (let d = 0; d < dim; d++) trace += within[d * dim + d];
  for (let d = 0; d < dim; d++) a.set(d, d, a.get(d, d) + (shrink * trace) / dim);
  const chol = new CholeskyDecomposition(a);
  if (!chol.isPositiveDefinite()) throw new VoiceCloneError('BAD_ARGUMENT', 'WCCN covariance is not positive definite.');
  return Float32Array.from(inverse(chol.lowerTriangularMatrix).to1DArray());
}

/** P·e, renormalized to unit length. */
export function applyProjection(projection: Float32Array, e: ArrayLike<number>): Float32Array {
  const dim = e.length;
  if (projection.length !== dim * dim) throw new VoiceCloneError('BAD_ARGUMENT', `Projection of ${projection.length} values does not fit ${dim}-d embeddings.`);
  const out = new Float32Array(dim);
  for (let i = 0; i < dim; i++) {
    let s = 0;
    for (let j = 0; j < dim; j++) s += projection[i * dim + j] * e[j];
    out[i] = s;
  }
  const norm = Math.hypot(...out);
  return norm === 0 ? out : out.map((v) => v / norm);
}
