// The one facade the CLI and the desktop app call (ml/api.ts VoiceEngine): clips in, voices out, speech out.
// Models load lazily on first use; every synthesized file is watermarked; voices live in the caller's library folder.

import { decodeAudioBytes } from './audio/decode';
import { inspectClip, loadClipFromBytes } from './audio/load';
import { LIMITS } from './audio/config';
import type { MonoAudio } from './audio/types';
import { encodeWav16 } from './audio/wav';
import type { AudioInput, ClipReport, CloneRequest, JobProgress, Similarity, Synthesis, VoiceEngine, VoicePoint, VoiceSpectrum, VoiceSummary, WatermarkReport } from './api';
import { cloneVoice, type CloneClip } from './cloning/clone';
import { openLibrary, type VoiceLibrary } from './cloning/library/library';
import { CLONE_METHODS, type Voice, type VoiceSummary as StoredSummary } from './cloning/library/types';
import { lazyModels, type ModelDirs } from './cloning/models';
import { PROMPT_SENTENCES } from './cloning/prompts';
import { checkConsent, consentStatement, type ConsentCheck } from './cloning/consent';
import { logMel } from './audio/mel';
import { SPECTRUM_WEIGHT, spectrumCurve } from './cloning/spectrum';
import { pcaMap } from './cloning/voice-map';
import { VoiceCloneError } from './errors';
import { tf } from './backend';
import { builtinSpeaker, speak } from './models/tts/synthesize';
import { printAudio } from './models/verifier/embed';
import { compareSpeakers } from './models/verifier/score';
import { detectBytes } from './watermark/detect';
import { embed as watermark } from './watermark/embed';
import { voicePayload, voiceWithHash } from './watermark/payload';

export interface EngineOptions {
  libraryDir: string;
  models?: ModelDirs;
  /** Adaptation steps at most (default per method); evaluation and tests use fewer. */
  adaptSteps?: number;
  /**
   * false only for research corpora whose speakers cannot record a statement (CLI --no-consent-check, the evaluation
   * bench); the app always checks. Output is watermarked either way.
   */
  checkConsent?: boolean;
}

/** The sentence every new voice speaks once so its similarity to the person's clips can be measured. */
const CHECK_SENTENCE = 'The quick brown fox jumps over the lazy dog.';
const MAX_CLIPS = 50;
const MAX_TEXT_CHARS = 5000;

function fromStored(s: StoredSummary): VoiceSummary {
  return { id: s.id, name: s.name, builtin: false, method: s.method, createdAt: s.createdAt, bytes: s.bytes, figures: s.figures };
}

function peakDbfs(samples: Float32Array): number {
  let peak = 0;
  for (const x of samples) peak = Math.max(peak, Math.abs(x));
  return peak > 0 ? 20 * Math.log10(peak) : -120;
}

/** Opens the library and returns the engine; no model is loaded until an operation needs it. */
export async function createEngine(opts: EngineOptions): Promise<VoiceEngine> {
  const library: VoiceLibrary = await openLibrary(opts.libraryDir);
  const models = lazyModels(opts.models);
  const jobs = new Map<string, AbortController>();
  const adapters = new Map<string, Record<string, tf.Tensor>>();

  async function builtins(): Promise<VoiceSummary[]> {
    const tts = await models.tts();
    return tts.builtinVoices.map((v) => ({ id: v.id, name: v.name, builtin: true, method: 'trained' as const, createdAt: null, bytes: tts.config.speakerDim * 4, figures: {} }));
  }

  /** Speaker vector and weight overrides of any voice id. */
  async function voiceOf(id: string): Promise<{ embedding: Float32Array; overrides?: Record<string, tf.Tensor> }> {
    const tts = await models.tts();
    if (tts.builtinVoices.some((v) => v.id === id)) return { embedding: builtinSpeaker(tts, id) };
    const voice: Voice = await library.get(id);
    if (voice.ttsModel !== tts.modelVersion) {
      throw new VoiceCloneError('BAD_ARGUMENT', `Voice "${voice.name}" was made for TTS model ${voice.ttsModel}; clone it again for ${tts.modelVersion}.`);
    }
    if (!voice.adapter) return { embedding: voice.embedding };
    let overrides = adapters.get(id);
    if (!overrides) {
      overrides = Object.fromEntries(Object.entries(voice.adapter).map(([k, t]) => [k, tf.tensor(t.data, t.shape)]));
      adapters.set(id, overrides);
    }
    return { embedding: voice.embedding, overrides };
  }

  function forget(id: string): void {
    Object.values(adapters.get(id) ?? {}).forEach((t) => t.dispose());
    adapters.delete(id);
  }

  async function decodeClips(clips: CloneRequest['clips']): Promise<CloneClip[]> {
    const out: CloneClip[] = [];
    for (const c of clips) out.push({ audio: (await loadClipFromBytes(c.bytes, c.name)).audio, text: c.text });
    return out;
  }

  async function speakerSimilarity(audio: MonoAudio, references: readonly MonoAudio[]): Promise<Similarity> {
    const verifier = await models.verifier();
    const { cosine, probability } = compareSpeakers(verifier, printAudio(verifier, audio), references.map((r) => printAudio(verifier, r)));
    return { cosine, probability };
  }

  async function synthesizeAudio(voiceId: string, text: string): Promise<MonoAudio> {
    if (typeof text !== 'string' || text.length > MAX_TEXT_CHARS) {
      throw new VoiceCloneError('TEXT_INVALID', `Text must be at most ${MAX_TEXT_CHARS} characters.`);
    }
    const tts = await models.tts();
    const voice = await voiceOf(voiceId);
    const audio = await speak(tts, text, voice.embedding, { overrides: voice.overrides });
    return watermark(audio, voicePayload(voiceId));
  }

  return {
    async inspectClip(clip: AudioInput): Promise<ClipReport> {
      const decoded = await decodeAudioBytes(clip.bytes, clip.name, { maxSeconds: LIMITS.maxSeconds });
      const found = inspectClip(decoded, clip.name);
      return {
        name: clip.name,
        seconds: found.audio.samples.length / found.audio.sampleRate,
        speechSeconds: found.speechSeconds,
        peakDbfs: peakDbfs(found.audio.samples),
        warnings: found.warnings.map((w) => ({ code: w.code, message: w.message })),
        usable: found.unusable === null,
        problem: found.unusable?.message ?? null,
      };
    },

    async promptSentences() {
      return [...PROMPT_SENTENCES];
    },

    async consentStatement(name: string) {
      if (typeof name !== 'string' || name.trim() === '' || name.length > 80) throw new VoiceCloneError('BAD_ARGUMENT', 'Give the name of the person whose voice is cloned (1 to 80 characters).');
      return consentStatement(name);
    },

    async listVoices() {
      const { voices } = await library.list();
      return [...(await builtins()), ...voices.map(fromStored).reverse()];
    },

    async clone(req: CloneRequest, onProgress: (p: JobProgress) => void): Promise<VoiceSummary> {
      if (!CLONE_METHODS.includes(req.method)) throw new VoiceCloneError('BAD_ARGUMENT', `Unknown cloning method "${String(req.method)}".`);
      if (!Array.isArray(req.clips) || req.clips.length === 0 || req.clips.length > MAX_CLIPS) {
        throw new VoiceCloneError('BAD_ARGUMENT', `Cloning needs 1 to ${MAX_CLIPS} clips.`);
      }
      if (jobs.has(req.jobId)) throw new VoiceCloneError('BAD_ARGUMENT', `Job ${req.jobId} is already running.`);
      const controller = new AbortController();
      jobs.set(req.jobId, controller);
      try {
        onProgress({ jobId: req.jobId, stage: 'Reading clips', step: 0, total: req.clips.length, loss: null, secondsLeft: null });
        const clips = await decodeClips(req.clips);
        let consent: { audio: MonoAudio; text: string; check: ConsentCheck } | undefined;
        if (req.consent) {
          onProgress({ jobId: req.jobId, stage: 'Checking consent', step: 0, total: 1, loss: null, secondsLeft: null });
          const [statement] = await decodeClips([req.consent]);
          const check = checkConsent(await models.verifier(), logMel(statement.audio), clips.map((c) => logMel(c.audio)));
          consent = { audio: statement.audio, text: statement.text, check };
        } else if (opts.checkConsent !== false) {
          throw new VoiceCloneError('CONSENT_MISSING', 'Record the consent statement first: a voice is cloned only with its owner\'s spoken consent.');
        }
        const cloned = await cloneVoice(models, clips, req.method, {
          steps: opts.adaptSteps,
          signal: controller.signal,
          onProgress: (p) => onProgress({ jobId: req.jobId, ...p }),
        });
        onProgress({ jobId: req.jobId, stage: 'Measuring similarity', step: 0, total: 1, loss: null, secondsLeft: null });
        const tts = await models.tts();
        const overrides = cloned.adapter ? Object.fromEntries(Object.entries(cloned.adapter).map(([k, t]) => [k, tf.tensor(t.data, t.shape)])) : undefined;
        let sample: MonoAudio;
        try {
          sample = await speak(tts, CHECK_SENTENCE, cloned.embedding, { overrides });
        } finally {
          Object.values(overrides ?? {}).forEach((t) => t.dispose());
        }
        const sim = await speakerSimilarity(sample, clips.map((c) => c.audio));
        if (controller.signal.aborted) throw new VoiceCloneError('CANCELLED', 'Cloning was cancelled; nothing was saved.');
        const saved = await library.save({
          name: req.name,
          method: cloned.method,
          embedding: cloned.embedding,
          adapter: cloned.adapter,
          clips: clips.map((c) => ({ audio: c.audio, text: c.text })),
          ttsModel: cloned.ttsModel,
          figures: { ...cloned.figures, similarity: sim.cosine },
          ...(consent ? { consent: { text: consent.text, audio: consent.audio, verified: consent.check.verified, score: consent.check.score } } : {}),
        });
        return fromStored(await library.summary(saved.id));
      } finally {
        jobs.delete(req.jobId);
      }
    },

    async cancel(jobId: string) {
      jobs.get(jobId)?.abort();
    },

    async synthesize(voiceId: string, text: string): Promise<Synthesis> {
      const audio = await synthesizeAudio(voiceId, text);
      return { wav: encodeWav16(audio), seconds: audio.samples.length / audio.sampleRate, sampleRate: audio.sampleRate };
    },

    async similarity(audio: AudioInput, references: AudioInput[]): Promise<Similarity> {
      if (references.length === 0) throw new VoiceCloneError('BAD_ARGUMENT', 'Similarity needs at least one reference clip.');
      const clip = (await loadClipFromBytes(audio.bytes, audio.name)).audio;
      const refs = await decodeClips(references.map((r) => ({ ...r, text: '' })));
      return speakerSimilarity(clip, refs.map((r) => r.audio));
    },

    async renameVoice(id: string, name: string) {
      return fromStored(await library.rename(id, name));
    },

    async deleteVoice(id: string) {
      forget(id);
      await library.remove(id);
    },

    async restoreVoice(id: string) {
      return fromStored(await library.restore(id));
    },

    async exportVoice(id: string) {
      return library.exportVoice(id);
    },

    async importVoice(bytes: Uint8Array) {
      const voice = await library.importVoice(bytes);
      return fromStored(await library.summary(voice.id));
    },

    async voiceMap(): Promise<VoicePoint[]> {
      const tts = await models.tts();
      const { voices } = await library.list();
      const entries = [
        ...tts.builtinVoices.map((v) => ({ id: v.id, name: v.name, builtin: true, embedding: builtinSpeaker(tts, v.id) })),
        ...(await Promise.all(voices.map(async (s) => ({ id: s.id, name: s.name, builtin: false, embedding: (await library.get(s.id)).embedding })))),
      ];
      const points = pcaMap(entries);
      return entries.map((e, i) => ({ id: e.id, name: e.name, builtin: e.builtin, x: points[i].x, y: points[i].y }));
    },

    async voiceSpectrum(id: string): Promise<VoiceSpectrum | null> {
      const tts = await models.tts();
      if (tts.builtinVoices.some((v) => v.id === id)) return null;
      const voice = await library.get(id);
      const match = voice.adapter?.[SPECTRUM_WEIGHT];
      // A match is relative to the mel mean of the model it was made for; another model's would draw nonsense.
      return match && voice.ttsModel === tts.modelVersion ? spectrumCurve(tts, match) : null;
    },

    async checkWatermark(audio: AudioInput): Promise<WatermarkReport> {
      const found = await detectBytes(audio.bytes, audio.name);
      const voiceHash = found.payload?.voiceHash ?? null;
      const { voices } = await library.list();
      const voice = voiceHash === null ? undefined : voiceWithHash([...(await builtins()), ...voices], voiceHash);
      return {
        name: audio.name,
        present: found.present,
        voiceHash,
        voice: voice ? { id: voice.id, name: voice.name } : null,
        confidence: found.confidence,
      };
    },
  };
}
