// A voice as one file (the container of ./container): the header lists the voice's fields, the blobs hold the
// embedding and adapter tensors as little-endian float32 and the clips and consent recording as 16 kHz 16-bit WAV.
//
// Header meta (format version 1): {id, name, method, createdAt, ttsModel, figures, embeddingLength,
//   adapter: null | [{name, shape}], clips: [{text}], consent: null | {text, verified, score}}
// Blobs, in order: embedding, each adapter tensor (in header order), each clip, the consent recording.

import { LIMITS, SAMPLE_RATE } from '../../audio/config';
import { decodeAudioBytes } from '../../audio/decode';
import type { MonoAudio } from '../../audio/types';
import { encodeWav16 } from '../../audio/wav';
import { VoiceCloneError } from '../../errors';
import { decodeContainer, encodeContainer } from './container';
import {
  MAX_CLIPS,
  MAX_EMBEDDING_LENGTH,
  MAX_TENSORS,
  checkBoolean,
  checkCreatedAt,
  checkFigures,
  checkFiniteNumber,
  checkFloats,
  checkMethod,
  checkName,
  checkShape,
  checkTensorName,
  checkText,
  checkTtsModel,
  checkVoiceId,
  isRecord,
  shown,
} from './fields';
import type { CloneMethod, NamedTensor, Voice, VoiceSummary } from './types';

/** The header of a voice file, every field checked. */
export interface VoiceMeta {
  id: string;
  name: string;
  method: CloneMethod;
  createdAt: string;
  ttsModel: string;
  figures: Record<string, number>;
  embeddingLength: number;
  adapter: { name: string; shape: number[] }[] | null;
  clips: { text: string }[];
  consent: { text: string; verified: boolean; score: number } | null;
}

/** A voice file split into its checked header and its blobs (not yet decoded). */
export interface VoiceFile {
  meta: VoiceMeta;
  blobs: Uint8Array[];
}

function floatsToBytes(x: Float32Array): Uint8Array {
  const out = new Uint8Array(x.length * 4);
  const view = new DataView(out.buffer);
  for (let i = 0; i < x.length; i++) view.setFloat32(i * 4, x[i], true);
  return out;
}

function bytesToFloats(bytes: Uint8Array): Float32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float32Array(bytes.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(i * 4, true);
  return out;
}

/** Splits a checked voice into header and blobs. */
export function voiceToFile(voice: Voice): VoiceFile {
  const tensors = voice.adapter === null ? [] : Object.entries(voice.adapter);
  const meta: VoiceMeta = {
    id: voice.id,
    name: voice.name,
    method: voice.method,
    createdAt: voice.createdAt,
    ttsModel: voice.ttsModel,
    figures: voice.figures,
    embeddingLength: voice.embedding.length,
    adapter: voice.adapter === null ? null : tensors.map(([name, t]) => ({ name, shape: t.shape })),
    clips: voice.clips.map((c) => ({ text: c.text })),
    consent: voice.consent === undefined ? null : { text: voice.consent.text, verified: voice.consent.verified, score: voice.consent.score },
  };
  const blobs = [
    floatsToBytes(voice.embedding),
    ...tensors.map(([, t]) => floatsToBytes(t.data)),
    ...voice.clips.map((c) => encodeWav16(c.audio)),
    ...(voice.consent === undefined ? [] : [encodeWav16(voice.consent.audio)]),
  ];
  return { meta, blobs };
}

/** The bytes of a voice file. */
export function encodeVoiceFile(file: VoiceFile): Uint8Array {
  return encodeContainer(file.meta, file.blobs);
}

/** Runs `check`, turning a field error into one that names the file. */
function inFile<T>(label: string, check: () => T): T {
  try {
    return check();
  } catch (e) {
    if (e instanceof VoiceCloneError) throw new VoiceCloneError('BAD_ARGUMENT', `${label} is invalid: ${e.message}`, { cause: e });
    throw e;
  }
}

function checkArray(value: unknown, what: string, min: number, max: number): unknown[] {
  if (!Array.isArray(value) || value.length < min || value.length > max) {
    throw new VoiceCloneError('BAD_ARGUMENT', `${what} must be a list of ${min} to ${max} entries.`);
  }
  return value;
}

function checkMeta(meta: unknown): VoiceMeta {
  if (!isRecord(meta)) throw new VoiceCloneError('BAD_ARGUMENT', 'The header has no voice fields.');
  const length = meta.embeddingLength;
  if (!Number.isSafeInteger(length) || (length as number) < 1 || (length as number) > MAX_EMBEDDING_LENGTH) {
    throw new VoiceCloneError('BAD_ARGUMENT', `The embedding length ${shown(length)} is not 1 to ${MAX_EMBEDDING_LENGTH}.`);
  }
  const adapter =
    meta.adapter === null
      ? null
      : checkArray(meta.adapter, 'The adapter', 0, MAX_TENSORS).map((t, i) => {
          if (!isRecord(t)) throw new VoiceCloneError('BAD_ARGUMENT', `Adapter tensor ${i + 1} has no name and shape.`);
          const name = checkTensorName(t.name);
          checkShape(t.shape, `Adapter tensor ${shown(name)}`);
          return { name, shape: t.shape as number[] };
        });
  if (adapter !== null && new Set(adapter.map((t) => t.name)).size !== adapter.length) {
    throw new VoiceCloneError('BAD_ARGUMENT', 'Two adapter tensors have the same name.');
  }
  const clips = checkArray(meta.clips, 'The clip list', 1, MAX_CLIPS).map((c, i) => ({
    text: checkText(isRecord(c) ? c.text : undefined, `The text of clip ${i + 1}`),
  }));
  let consent: VoiceMeta['consent'] = null;
  if (meta.consent !== null) {
    if (!isRecord(meta.consent)) throw new VoiceCloneError('BAD_ARGUMENT', 'The consent has no text, verified and score.');
    consent = {
      text: checkText(meta.consent.text, 'The consent text'),
      verified: checkBoolean(meta.consent.verified, 'Consent "verified"'),
      score: checkFiniteNumber(meta.consent.score, 'The consent score'),
    };
  }
  return {
    id: checkVoiceId(meta.id),
    name: checkName(meta.name),
    method: checkMethod(meta.method),
    createdAt: checkCreatedAt(meta.createdAt),
    ttsModel: checkTtsModel(meta.ttsModel),
    figures: checkFigures(meta.figures),
    embeddingLength: length as number,
    adapter,
    clips,
    consent,
  };
}

/** Reads a voice file's container and header and checks that the blobs are there with the sizes the header implies. */
export function decodeVoiceFile(bytes: Uint8Array, label: string): VoiceFile {
  const { meta: raw, blobs } = decodeContainer(bytes, label);
  const meta = inFile(label, () => checkMeta(raw));
  const tensors = meta.adapter ?? [];
  const expected = 1 + tensors.length + meta.clips.length + (meta.consent === null ? 0 : 1);
  if (blobs.length !== expected) {
    throw new VoiceCloneError('TRUNCATED', `${label} is damaged: it holds ${blobs.length} blobs where its header needs ${expected}.`);
  }
  const floatSizes = [meta.embeddingLength, ...tensors.map((t) => t.shape.reduce((n, d) => n * d, 1))];
  floatSizes.forEach((count, i) => {
    if (blobs[i].length !== count * 4) {
      const what = i === 0 ? 'the embedding' : `adapter tensor ${shown(tensors[i - 1].name)}`;
      throw new VoiceCloneError('TRUNCATED', `${label} is damaged: ${what} has ${blobs[i].length} bytes, not ${count * 4}.`);
    }
  });
  return { meta, blobs };
}

async function decodeClip(bytes: Uint8Array, what: string): Promise<MonoAudio> {
  const audio = await decodeAudioBytes(bytes, what, { maxSeconds: LIMITS.maxSeconds });
  if (audio.format !== 'wav-pcm16' || audio.channels.length !== 1 || audio.sampleRate !== SAMPLE_RATE) {
    throw new VoiceCloneError('BAD_ARGUMENT', `${what} is not mono 16-bit WAV at ${SAMPLE_RATE} Hz.`);
  }
  return { samples: audio.channels[0], sampleRate: SAMPLE_RATE };
}

/** The full voice in a checked voice file: floats checked finite, clips decoded and checked. */
export async function voiceFromFile({ meta, blobs }: VoiceFile, label: string): Promise<Voice> {
  const floats = (i: number, what: string) => inFile(label, () => checkFloats(bytesToFloats(blobs[i]), what));
  const tensors = meta.adapter ?? [];
  const adapter: Record<string, NamedTensor> | null =
    meta.adapter === null
      ? null
      : Object.fromEntries(tensors.map((t, i) => [t.name, { shape: t.shape, data: floats(1 + i, `Adapter tensor ${shown(t.name)}`) }]));
  const firstClip = 1 + tensors.length;
  const clips = await Promise.all(
    meta.clips.map(async (c, i) => ({ audio: await decodeClip(blobs[firstClip + i], `Clip ${i + 1} of ${label}`), text: c.text })),
  );
  const voice: Voice = {
    id: meta.id,
    name: meta.name,
    method: meta.method,
    createdAt: meta.createdAt,
    embedding: floats(0, 'The speaker embedding'),
    adapter,
    clips,
    ttsModel: meta.ttsModel,
    figures: meta.figures,
  };
  if (meta.consent !== null) {
    const audio = await decodeClip(blobs[firstClip + clips.length], `The consent recording of ${label}`);
    voice.consent = { ...meta.consent, audio };
  }
  return voice;
}

/** The list() entry of a checked voice file that takes `bytes` on disk. */
export function summarize(meta: VoiceMeta, bytes: number): VoiceSummary {
  return {
    id: meta.id,
    name: meta.name,
    method: meta.method,
    createdAt: meta.createdAt,
    ttsModel: meta.ttsModel,
    bytes,
    figures: meta.figures,
  };
}
