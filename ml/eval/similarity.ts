// Embedding comparisons: cosine similarity (also against a mean of embeddings), and nearest-centroid speaker classification accuracy.
// Embeddings are plain arrays so evaluation code never holds tensors.

import { VoiceCloneError } from '../errors';

/** Cosine of the angle between two equally long vectors (0 when either is all zeros). */
export function cosineSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length || a.length === 0) {
    throw new VoiceCloneError('BAD_ARGUMENT', `Cosine needs two non-empty vectors of one length, got ${a.length} and ${b.length}.`);
  }
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/** Cosine between one embedding and the mean of others (a clip against a speaker's other clips). */
export function cosineToMean(embedding: ArrayLike<number>, others: readonly ArrayLike<number>[]): number {
  if (others.length === 0) throw new VoiceCloneError('BAD_ARGUMENT', 'The comparison needs at least one other embedding.');
  const mean = new Float64Array(embedding.length);
  for (const e of others) {
    if (e.length !== mean.length) throw new VoiceCloneError('BAD_ARGUMENT', 'Embeddings differ in length.');
    for (let i = 0; i < e.length; i++) mean[i] += e[i] / others.length;
  }
  return cosineSimilarity(embedding, mean);
}

export interface LabeledEmbedding {
  speaker: string;
  embedding: ArrayLike<number>;
}

/** Mean of each speaker's enrollment embeddings. */
export function speakerCentroids(enroll: readonly LabeledEmbedding[]): Map<string, Float64Array> {
  const sums = new Map<string, { sum: Float64Array; n: number }>();
  for (const { speaker, embedding } of enroll) {
    let acc = sums.get(speaker);
    if (!acc) {
      acc = { sum: new Float64Array(embedding.length), n: 0 };
      sums.set(speaker, acc);
    }
    if (embedding.length !== acc.sum.length) throw new VoiceCloneError('BAD_ARGUMENT', 'Enrollment embeddings differ in length.');
    for (let i = 0; i < embedding.length; i++) acc.sum[i] += embedding[i];
    acc.n++;
  }
  return new Map([...sums].map(([k, { sum, n }]) => [k, sum.map((v) => v / n)]));
}

/**
 * Share of test embeddings whose most cosine-similar enrollment centroid belongs to their own speaker.
 * Every test speaker must be enrolled.
 */
export function speakerClassificationAccuracy(enroll: readonly LabeledEmbedding[], test: readonly LabeledEmbedding[]): number {
  if (enroll.length === 0 || test.length === 0) throw new VoiceCloneError('BAD_ARGUMENT', 'Classification accuracy needs enrollment and test embeddings.');
  const centroids = [...speakerCentroids(enroll)];
  let correct = 0;
  for (const { speaker, embedding } of test) {
    if (!centroids.some(([k]) => k === speaker)) throw new VoiceCloneError('BAD_ARGUMENT', `Test speaker "${speaker}" has no enrollment embeddings.`);
    let best = '';
    let bestScore = -Infinity;
    for (const [k, c] of centroids) {
      const score = cosineSimilarity(embedding, c);
      if (score > bestScore) [best, bestScore] = [k, score];
    }
    if (best === speaker) correct++;
  }
  return correct / test.length;
}
