// Speaker encoding at cloning time: a person's clips → one vector in the TTS model's speaker space, in about a second.
// Each clip is embedded at its full length, then the attention across clips combines them.

import { tf } from '../../backend';
import type { LogMel } from '../../audio/mel';
import { VoiceCloneError } from '../../errors';
import { combineClips, embedClips } from './model';
import type { LoadedEncoder } from './weights';

/** The speaker vector for log-mel clips (each at least 2 frames). */
export function encodeSpeaker(encoder: LoadedEncoder, clips: readonly LogMel[]): Float32Array {
  if (clips.length === 0) throw new VoiceCloneError('BAD_ARGUMENT', 'Speaker encoding needs at least one clip.');
  const cfg = encoder.config;
  return tf.tidy(() => {
    const per = clips.map((m) => {
      if (m.frames < 2) throw new VoiceCloneError('TOO_SHORT', 'A clip is too short to encode.');
      return embedClips(encoder.weights, cfg, tf.tensor3d(m.data, [1, m.frames, cfg.nMels]));
    });
    const stacked = tf.reshape(tf.concat(per, 0), [1, clips.length, cfg.hidden]) as tf.Tensor3D;
    return combineClips(encoder.weights, cfg, stacked).dataSync() as Float32Array;
  });
}
