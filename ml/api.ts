// The typed contract between the voice engine and everything that drives it (the desktop app's IPC, the CLI, tests).
// Plain data only (no tensors, no Node handles), so every value can cross a worker or IPC boundary by structured clone.

/** How a new voice is made from a person's clips (Arik et al. 2018). */
export type CloneMethod = 'encode' | 'adapt-embedding' | 'adapt-whole';

/** An audio file's bytes (wav, flac, mp3 or ogg) and a name for messages. */
export interface AudioInput {
  name: string;
  bytes: Uint8Array;
}

/** A clip with the text it speaks (adaptation needs the text; encoding ignores it). */
export interface ClipInput extends AudioInput {
  text: string;
}

/** What the engine found in a clip before cloning from it. */
export interface ClipReport {
  name: string;
  /** Whole clip length. */
  seconds: number;
  /** Seconds of detected speech. */
  speechSeconds: number;
  /** Highest sample level, dBFS (0 = full scale). */
  peakDbfs: number;
  /** Fixable problems, one readable line each; codes: CLIPPING, NOISY, QUIET, SHORT. */
  warnings: { code: string; message: string }[];
  /** Whether the clip can be cloned from. */
  usable: boolean;
  /** Why it cannot (no speech, too little), or null when usable. */
  problem: string | null;
}

/** A voice in the library. */
export interface VoiceSummary {
  id: string;
  name: string;
  /** Shipped with the app (cannot be renamed or deleted). */
  builtin: boolean;
  /** How it was made; 'trained' for the speakers the TTS model was trained on. */
  method: CloneMethod | 'trained';
  /** ISO 8601 time it was cloned, null for built-in voices. */
  createdAt: string | null;
  /** Bytes the voice takes in the library (its embedding, plus adapted weights for adapt-whole). */
  bytes: number;
  /**
   * Measured numbers about the voice, keyed by name. The app shows `cloneSeconds` (wall time the cloning took)
   * and `clips` (how many clips it was made from) when present.
   */
  figures: Record<string, number>;
}

/** Asks for a new voice made from the given clips. */
export interface CloneRequest {
  /** Chosen by the caller, so it can cancel the job and match its progress events. */
  jobId: string;
  name: string;
  method: CloneMethod;
  clips: ClipInput[];
  /**
   * The person reading the consent statement (`consentStatement(name)`) aloud, with that text. Required: the engine
   * refuses with CONSENT_MISSING without it, and with CONSENT_REJECTED when the verifier finds another speaker.
   */
  consent?: ClipInput;
}

/** One progress report of a running clone job. */
export interface JobProgress {
  jobId: string;
  /** What the job is doing, readable (e.g. 'Reading clips', 'Adapting'). */
  stage: string;
  step: number;
  total: number;
  /** Training loss of the last step, null where the stage has none. */
  loss: number | null;
  /** Estimated seconds to finish, null until it can be estimated. */
  secondsLeft: number | null;
}

/** Synthesized speech as a 16-bit PCM WAV file. */
export interface Synthesis {
  wav: Uint8Array;
  seconds: number;
  sampleRate: number;
}

/** The speaker verifier's judgement of one clip against reference clips. */
export interface Similarity {
  /** Cosine between the clip's embedding and the references' mean embedding, in [-1, 1]. */
  cosine: number;
  /** Calibrated probability that the clip and the references are the same speaker (from the cosine and the seconds of speech on each side), in [0, 1]. */
  probability: number;
}

/**
 * Whether voices made by `method` carry a long-term spectrum match (ml/cloning/spectrum.ts). Whole-model adaptation has
 * none: it fits the decoder's output layer, whose bias is the long-term spectrum, itself.
 */
export const hasSpectrumMatch = (method: CloneMethod): boolean => method !== 'adapt-whole';

/** A voice hash as the CLI and the app write it: `0x` and 4 hex digits (it is 16 bits). */
export const formatVoiceHash = (hash: number): string => `0x${hash.toString(16).padStart(4, '0')}`;

/** What the watermark detector found in an audio file (docs/watermark.md). */
export interface WatermarkReport {
  name: string;
  /** The mark was found (with a readable payload, or a sync so strong that it is there but too damaged to read). */
  present: boolean;
  /** Hash of the voice id the payload carries (first 2 bytes of its SHA-256), or null when none could be read. */
  voiceHash: number | null;
  /**
   * The voice, built in or in this library, whose id has that hash; null when none or more than one does (or no
   * payload was read).
   */
  voice: { id: string; name: string } | null;
  /** 1 minus a bound on the chance that unmarked audio shows this much evidence (0 to 1). */
  confidence: number;
}

/** A voice placed on the 2-D map of all voices' embeddings (first two principal components). */
export interface VoicePoint {
  id: string;
  name: string;
  builtin: boolean;
  x: number;
  y: number;
}

/**
 * How a voice's long-term spectrum match (ml/cloning/spectrum.ts) lifts or lowers each mel band of the model's speech,
 * so the person's timbre and recording shows as a curve.
 */
export interface VoiceSpectrum {
  /** Each band's centre frequency, Hz, rising. */
  hz: number[];
  /** The match's gain in that band, dB (their mean over bands is 0: loudness stays the model's). */
  db: number[];
}

/**
 * Codes a failed call carries besides the engine's input codes (VoiceCloneErrorCode): CANCELLED (a clone job was
 * cancelled), NOT_FOUND (no voice with that id), FORBIDDEN (the caller is not the app's own window), INTERNAL (a bug;
 * the message says so).
 */
export type ApiOnlyErrorCode = 'CANCELLED' | 'NOT_FOUND' | 'FORBIDDEN' | 'INTERNAL';

/** What a failed call rejects with across IPC: a code to branch on and one line a person can read. */
export interface EngineError {
  code: string;
  message: string;
}

/** The engine's operations; `createEngine` in ml/engine.ts returns one. */
export interface VoiceEngine {
  /** Measures a clip and lists its problems; rejects only for files that are not audio at all. */
  inspectClip(clip: AudioInput): Promise<ClipReport>;
  /** About twenty short sentences that together cover the English phonemes, for a person to read aloud. */
  promptSentences(): Promise<string[]>;
  /** The consent statement a person reads before cloning, with their name and today's date written in. */
  consentStatement(name: string): Promise<string>;
  /** Built-in voices first, then the person's voices, newest last. */
  listVoices(): Promise<VoiceSummary[]>;
  /** Makes and saves a new voice; reports progress; rejects with code CANCELLED when cancelled. */
  clone(req: CloneRequest, onProgress: (p: JobProgress) => void): Promise<VoiceSummary>;
  /** Cancels a running clone job; does nothing for a job that is not running. */
  cancel(jobId: string): Promise<void>;
  /** Speaks `text` in a voice. */
  synthesize(voiceId: string, text: string): Promise<Synthesis>;
  /** The speaker verifier's similarity of `audio` to `references`. */
  similarity(audio: AudioInput, references: AudioInput[]): Promise<Similarity>;
  renameVoice(id: string, name: string): Promise<VoiceSummary>;
  /** Moves a voice to the library's bin, from where `restoreVoice` brings it back. */
  deleteVoice(id: string): Promise<void>;
  restoreVoice(id: string): Promise<VoiceSummary>;
  /** One file holding the voice, for `importVoice` on another machine. */
  exportVoice(id: string): Promise<Uint8Array>;
  importVoice(bytes: Uint8Array): Promise<VoiceSummary>;
  /** Every voice placed on a 2-D map of speaker embeddings. */
  voiceMap(): Promise<VoicePoint[]>;
  /** The voice's spectrum match; null for voices without one (built-in, whole-model adaptation, made for another TTS model). */
  voiceSpectrum(id: string): Promise<VoiceSpectrum | null>;
  /** Whether a file carries this app's watermark, and which of the library's voices made it. */
  checkWatermark(audio: AudioInput): Promise<WatermarkReport>;
}

/** Kinds of file the app saves through a save dialog. */
export type SaveKind = 'wav' | 'voice' | 'csv';

/** Outcome of a save dialog: the file's base name, or saved false when the person cancelled. */
export interface SaveResult {
  saved: boolean;
  name: string | null;
}

/**
 * What the desktop window sees as `window.voiceclone`: the engine's operations (clone's progress arrives through
 * `onProgress` instead of a callback) plus file dialogs run by the main process. The window never names a path:
 * it gets the bytes of files the person picked, and hands bytes to save where the person chooses.
 */
export interface StudioApi extends Omit<VoiceEngine, 'clone'> {
  clone(req: CloneRequest): Promise<VoiceSummary>;
  /** Subscribes to clone progress; returns the unsubscribe function. */
  onProgress(listener: (p: JobProgress) => void): () => void;
  /** Open dialog for audio files; resolves with the picked files' bytes ([] when cancelled). */
  pickAudioFiles(): Promise<AudioInput[]>;
  /** Open dialog for an exported voice file; resolves with its bytes, or null when cancelled. */
  pickVoiceFile(): Promise<Uint8Array | null>;
  /** Save dialog; writes `bytes` where the person chooses. */
  saveFile(kind: SaveKind, suggestedName: string, bytes: Uint8Array): Promise<SaveResult>;
}
