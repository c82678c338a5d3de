// The untrained speaker baseline: each utterance as the per-band mean and standard deviation of its log-mel.
// Compared with cosine like verifier embeddings; any trained verifier has to beat it on the same trials.

import type { LogMel } from '../audio/mel';
import { VoiceCloneError } from '../errors';

/** [mean of band 0..n-1, std of band 0..n-1] over all frames. */
export function logMelStatistics(mel: LogMel): Float64Array {
  const { frames, nMels, data } = mel;
  if (frames < 1) throw new VoiceCloneError('TOO_SHORT', 'Log-mel statistics need at least one frame.');
  const out = new Float64Array(2 * nMels);
  for (let t = 0; t < frames; t++) for (let m = 0; m < nMels; m++) out[m] += data[t * nMels + m];
  for (let m = 0; m < nMels; m++) out[m] /= frames;
  for (let t = 0; t < frames; t++) for (let m = 0; m < nMels; m++) out[nMels + m] += (data[t * nMels + m] - out[m]) ** 2;
  for (let m = 0; m < nMels; m++) out[nMels + m] = Math.sqrt(out[nMels + m] / frames);
  return out;
}
