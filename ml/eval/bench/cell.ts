// One bench cell: clone a speaker from N clips by one method through the engine's own pipeline, speak the fixed
// sentences with the clone and watermark them as the app does, and measure each utterance (verifier embedding, MCD and
// F0 error, pocketsphinx transcript).

import path from 'node:path';
import { estimateF0 } from '../../audio/f0';
import { loadClip } from '../../audio/load';
import { logMel } from '../../audio/mel';
import type { MonoAudio } from '../../audio/types';
import { writeWav16 } from '../../audio/wav';
import { tf } from '../../backend';
import { cloneVoice, voiceBytes } from '../../cloning/clone';
import type { CloneMethod } from '../../cloning/library/types';
import type { Models } from '../../cloning/models';
import type { SentenceTranscript } from '../../data/vcc2016-transcripts';
import { VoiceCloneError } from '../../errors';
import { speak } from '../../models/tts/synthesize';
import type { LoadedTts } from '../../models/tts/weights';
import { embedAudio, embedMels } from '../../models/verifier/embed';
import type { LoadedVerifier } from '../../models/verifier/weights';
import { embed as watermark } from '../../watermark/embed';
import { voicePayload } from '../../watermark/payload';
import { recognize } from '../asr';
import { compareF0 } from '../f0-metrics';
import { mcdFromAudio } from '../mcd';
import { wordErrorRate } from '../wer';
import type { BenchSpeaker } from './speakers';

/** What one synthesized sentence measured. */
export interface UtteranceResult {
  sentenceId: string;
  text: string;
  audioSeconds: number;
  /** Speaker-verifier embedding of the synthesized audio. */
  embedding: number[];
  /** True when the verifier found no speech to trim to and embedded the whole audio. */
  noSpeech: boolean;
  /** Against the speaker's real reading of the sentence (VCC2016 only), else null. */
  mcdDb: number | null;
  /** Null without a real reading, or when no frame is voiced in both. */
  f0RmseHz: number | null;
  hypothesis: string;
  wer: number;
}

/** Every raw figure of one (speaker, N, method) cell; cached as JSON so a re-run skips it. */
export interface CellResult {
  speaker: string;
  n: number;
  method: CloneMethod;
  /** Identifies the models and settings the figures came from (a cached cell is reused only when it matches). */
  fingerprint: string;
  clipIds: string[];
  cloneSeconds: number;
  /** Seconds to synthesize all the sentences (text → audio). */
  synthSeconds: number;
  /** Stored size of the voice: 4 bytes per embedding value, plus the adapter's tensors. */
  bytes: number;
  /** Adaptation: the optimizer step kept; null for encoding. */
  adaptSteps: number | null;
  /** Adaptation with ≥ 3 clips: loss on the held-out clip at the kept step, else null. */
  heldOutLoss: number | null;
  utterances: UtteranceResult[];
}

export interface CellContext {
  models: Models;
  tts: LoadedTts;
  verifier: LoadedVerifier;
  sentences: readonly SentenceTranscript[];
  /** Synthesized WAVs are written here for pocketsphinx. */
  scratchDir: string;
  adaptSteps: number | null;
}

/** Verifier embedding; audio where the verifier finds no speech is embedded whole (and flagged). */
function verifierEmbedding(verifier: LoadedVerifier, audio: MonoAudio): { embedding: number[]; noSpeech: boolean } {
  try {
    return { embedding: Array.from(embedAudio(verifier, audio)), noSpeech: false };
  } catch (e) {
    if (!(e instanceof VoiceCloneError) || (e.code !== 'SILENCE_ONLY' && e.code !== 'TOO_SHORT')) throw e;
    return { embedding: Array.from(embedMels(verifier, [logMel(audio)])[0]), noSpeech: true };
  }
}

/** MCD and F0 RMSE against the real reading, along MCD's DTW path. */
async function parallelFigures(realPath: string, audio: MonoAudio): Promise<{ mcdDb: number; f0RmseHz: number | null }> {
  const real = (await loadClip(realPath)).audio;
  const { mcd, path: alignment } = mcdFromAudio(real, audio);
  try {
    return { mcdDb: mcd, f0RmseHz: compareF0(estimateF0(real).f0, estimateF0(audio).f0, alignment).rmseHz };
  } catch (e) {
    if (e instanceof VoiceCloneError && e.code === 'BAD_ARGUMENT') return { mcdDb: mcd, f0RmseHz: null };
    throw e;
  }
}

/** Clones, synthesizes and measures one cell. */
export async function runCell(ctx: CellContext, speaker: BenchSpeaker, n: number, method: CloneMethod, fingerprint: string): Promise<CellResult> {
  const clips = await speaker.cloneClips(n);
  const voice = await cloneVoice(ctx.models, clips, method, ctx.adaptSteps === null ? {} : { steps: ctx.adaptSteps });
  const overrides = voice.adapter ? Object.fromEntries(Object.entries(voice.adapter).map(([k, t]) => [k, tf.tensor(t.data, t.shape)])) : undefined;
  const spoken: Array<{ sentence: SentenceTranscript; audio: MonoAudio }> = [];
  const t0 = performance.now();
  try {
    // Everything the app synthesizes carries the watermark, so the bench measures marked speech too.
    const payload = voicePayload(`bench/${speaker.key}/${method}/${n}`);
    for (const sentence of ctx.sentences) {
      spoken.push({ sentence, audio: watermark(await speak(ctx.tts, sentence.text, voice.embedding, { overrides }), payload) });
    }
  } finally {
    Object.values(overrides ?? {}).forEach((t) => t.dispose());
  }
  const synthSeconds = (performance.now() - t0) / 1000;
  const utterances: UtteranceResult[] = [];
  for (const { sentence, audio } of spoken) {
    const wav = path.join(ctx.scratchDir, `${speaker.key.replace(':', '_')}-${n}-${method}-${sentence.id}.wav`);
    await writeWav16(wav, audio);
    const hypothesis = await recognize(wav);
    const real = speaker.parallel(sentence.id);
    utterances.push({
      sentenceId: sentence.id,
      text: sentence.text,
      audioSeconds: audio.samples.length / audio.sampleRate,
      ...verifierEmbedding(ctx.verifier, audio),
      ...(real ? await parallelFigures(real, audio) : { mcdDb: null, f0RmseHz: null }),
      hypothesis,
      wer: wordErrorRate(sentence.text, hypothesis).wer,
    });
  }
  return {
    speaker: speaker.key,
    n,
    method,
    fingerprint,
    clipIds: clips.map((c) => c.id),
    cloneSeconds: voice.figures.cloneSeconds,
    synthSeconds,
    bytes: voiceBytes(voice),
    adaptSteps: voice.figures.steps ?? null,
    heldOutLoss: voice.figures.heldOutLoss ?? null,
    utterances,
  };
}
