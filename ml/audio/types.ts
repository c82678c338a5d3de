// The one in-memory audio type every stage passes around: mono or multi-channel float samples in [-1, 1].
// Tensors never cross module boundaries; audio does, as these plain objects.

/** Mono audio, samples in [-1, 1]. */
export interface MonoAudio {
  samples: Float32Array;
  sampleRate: number;
}

/** Decoded audio before mixing: one Float32Array per channel, all the same length. */
export interface DecodedAudio {
  channels: Float32Array[];
  sampleRate: number;
  /** Container/codec as detected, e.g. 'wav-pcm16', 'flac', 'mp3', 'ogg-vorbis'. */
  format: string;
}
