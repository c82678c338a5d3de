// The shapes of a cloned voice as the voice library stores and returns it: the voice itself, the draft a cloning run
// hands in, the light summary list() gives, and the problems list() reports instead of crashing.

import type { MonoAudio } from '../../audio/types';

/** How the voice was cloned: speaker encoding, or speaker adaptation of the embedding only or of the whole model. */
export type CloneMethod = 'encode' | 'adapt-embedding' | 'adapt-whole';

export const CLONE_METHODS: readonly CloneMethod[] = ['encode', 'adapt-embedding', 'adapt-whole'];

/** One named tensor of a whole-model adaptation; `data.length` is the product of `shape` (1 for shape []). */
export interface NamedTensor {
  shape: number[];
  data: Float32Array;
}

/** A recording the voice was cloned from, at SAMPLE_RATE; stored as 16-bit WAV, so samples come back quantized. */
export interface VoiceClip {
  audio: MonoAudio;
  /** What is said in the clip; empty when unknown. */
  text: string;
}

/** The speaker's recorded consent to being cloned and how well it matched the cloned speaker. */
export interface VoiceConsent {
  /** The consent statement that was read out. */
  text: string;
  audio: MonoAudio;
  verified: boolean;
  score: number;
}

/** A cloned voice, complete. */
export interface Voice {
  /** Slug of the name plus a random suffix, e.g. `grandma-olga-3f9a1c`; fixed for the voice's life. */
  id: string;
  /** Free text, 1 to 80 characters, no control characters. */
  name: string;
  method: CloneMethod;
  /** ISO 8601 UTC time of the first save. */
  createdAt: string;
  /** Speaker embedding in the TTS model's speaker space. */
  embedding: Float32Array;
  /**
   * Weights the voice speaks with instead of the model's, by tensor name: whole-model adaptation's compact changes, or
   * for the other methods the mel mean that matches the person's long-term spectrum (ml/cloning/spectrum); null: none.
   */
  adapter: Record<string, NamedTensor> | null;
  clips: VoiceClip[];
  /** Version of the TTS model the voice was made for. */
  ttsModel: string;
  /** Measured numbers about the clone (cloneSeconds, similarity, ...). */
  figures: Record<string, number>;
  consent?: VoiceConsent;
}

/** What a cloning run hands to save() or replace(): a voice without the fields the library assigns. */
export type VoiceDraft = Omit<Voice, 'id' | 'createdAt'>;

/** A voice without its heavy data, as list() returns it. */
export interface VoiceSummary {
  id: string;
  name: string;
  method: CloneMethod;
  createdAt: string;
  ttsModel: string;
  /** Size of the voice's file on disk. */
  bytes: number;
  figures: Record<string, number>;
}

/** An entry of the library folder that list() skipped, and why. */
export interface LibraryProblem {
  /** File name inside the library's voices folder. */
  entry: string;
  /** 'leftover-temp': a write that never finished (crash); 'damaged': a voice file that cannot be read. */
  kind: 'leftover-temp' | 'damaged';
  /** One line a person can read. */
  message: string;
}

export interface VoiceListing {
  voices: VoiceSummary[];
  problems: LibraryProblem[];
}
