// Speaker identification by nearest centroid: each test utterance goes to the reference speaker whose mean embedding
// is most cosine-similar; reports accuracy and a confusion matrix. No utterance may be its own reference.

import { VoiceCloneError } from '../errors';
import { cosineSimilarity, speakerCentroids } from './similarity';

export interface SpeakerUtterance {
  /** Unique per recording: a test utterance's id must not appear among the references. */
  id: string;
  speaker: string;
  embedding: ArrayLike<number>;
}

export interface SpeakerPrediction {
  id: string;
  speaker: string;
  predicted: string;
  /** Cosine to the predicted speaker's centroid. */
  cosine: number;
}

export interface SpeakerIdResult {
  /** Reference speakers in order of first appearance: the rows (true) and columns (predicted) of `confusion`. */
  labels: string[];
  predictions: SpeakerPrediction[];
  correct: number;
  accuracy: number;
  /** confusion[i][j]: test utterances of labels[i] assigned to labels[j]. */
  confusion: number[][];
}

/** Classifies every test utterance to the nearest reference centroid; every test speaker must have references. */
export function nearestCentroidSpeakerId(references: readonly SpeakerUtterance[], tests: readonly SpeakerUtterance[]): SpeakerIdResult {
  if (references.length === 0 || tests.length === 0) {
    throw new VoiceCloneError('BAD_ARGUMENT', 'Speaker identification needs reference and test utterances.');
  }
  const referenceIds = new Set(references.map((r) => r.id));
  const centroids = [...speakerCentroids(references)];
  const labels = centroids.map(([speaker]) => speaker);
  const confusion = labels.map(() => labels.map(() => 0));
  const predictions = tests.map((t): SpeakerPrediction => {
    if (referenceIds.has(t.id)) throw new VoiceCloneError('BAD_ARGUMENT', `Test utterance "${t.id}" is also a reference: leave it out of the references.`);
    const row = labels.indexOf(t.speaker);
    if (row < 0) throw new VoiceCloneError('BAD_ARGUMENT', `Test speaker "${t.speaker}" has no reference utterances.`);
    let best = 0;
    let bestCosine = -Infinity;
    centroids.forEach(([, centroid], k) => {
      const c = cosineSimilarity(t.embedding, centroid);
      if (c > bestCosine) [best, bestCosine] = [k, c];
    });
    confusion[row][best]++;
    return { id: t.id, speaker: t.speaker, predicted: labels[best], cosine: bestCosine };
  });
  const correct = predictions.filter((p) => p.predicted === p.speaker).length;
  return { labels, predictions, correct, accuracy: correct / tests.length, confusion };
}
