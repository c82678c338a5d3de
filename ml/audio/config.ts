// Signal constants shared by every model: one sample rate and one log-mel layout for the whole pipeline.
// 16 kHz: all real corpora here are 16 kHz (VCC2016, LibriSpeech), pocketsphinx scores 16 kHz, and speech
// intelligibility and speaker identity live below 8 kHz; 22.05 kHz would cost ~40 % more compute for nothing.

export const SAMPLE_RATE = 16000;

export const MEL = {
  sampleRate: SAMPLE_RATE,
  /** FFT size (64 ms). */
  nFft: 1024,
  /** Analysis window length in samples (50 ms), Hann, zero-padded to nFft. */
  winLength: 800,
  /** Hop in samples (12.5 ms → 80 frames per second). */
  hopLength: 200,
  nMels: 80,
  fMin: 55,
  fMax: 7600,
  /** Floor added before the natural log of the mel-filtered STFT magnitude. */
  logFloor: 1e-5,
} as const;

export type MelConfig = typeof MEL;

/** Limits on user audio (seconds). */
export const LIMITS = {
  minSpeechSeconds: 0.5,
  maxSeconds: 300,
} as const;
