// Mel postfilter for synthesis: the model's mean-regressed log-mel is over-smoothed, so each band's deviations from its
// utterance mean are scaled up (global-variance compensation, Toda & Tokuda 2007), which makes the speech clearer.

import type { LogMel } from '../../audio/mel';
import { VoiceCloneError } from '../../errors';

/**
 * Returns a copy of `mel` where every band's values move `factor` times as far from that band's mean over the
 * utterance; 1 gives an unchanged copy.
 */
export function sharpenMel(mel: LogMel, factor: number): LogMel {
  if (!Number.isFinite(factor) || factor < 1 || factor > 3) {
    throw new VoiceCloneError('BAD_ARGUMENT', `The mel sharpening factor must be from 1 to 3, not ${factor}.`);
  }
  const { frames, nMels } = mel;
  const data = mel.data.slice();
  if (factor === 1 || frames === 0) return { frames, nMels, data };
  for (let d = 0; d < nMels; d++) {
    let mean = 0;
    for (let t = 0; t < frames; t++) mean += data[t * nMels + d];
    mean /= frames;
    for (let t = 0; t < frames; t++) data[t * nMels + d] = mean + factor * (data[t * nMels + d] - mean);
  }
  return { frames, nMels, data };
}
