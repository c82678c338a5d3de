// Checks for every field of a voice, whether it comes from a cloning run, from disk or from an imported file, and the
// voice ids the library makes from names. Ids are the only thing that becomes a path, so their pattern is strict.

import { randomBytes } from 'node:crypto';
import { slugify } from 'transliteration';
import { LIMITS, SAMPLE_RATE } from '../../audio/config';
import type { MonoAudio } from '../../audio/types';
import { VoiceCloneError } from '../../errors';
import { CLONE_METHODS, type CloneMethod, type NamedTensor, type VoiceConsent, type VoiceDraft } from './types';

export const MAX_NAME_CHARS = 80;
const MAX_TEXT_CHARS = 5000;
const MAX_TTS_MODEL_CHARS = 200;
const MAX_TENSOR_NAME_CHARS = 200;
const MAX_FIGURES = 100;
export const MAX_CLIPS = 1000;
export const MAX_TENSORS = 10_000;
export const MAX_EMBEDDING_LENGTH = 65_536;
const MAX_TENSOR_RANK = 8;
const MAX_SLUG_CHARS = 40;
/** Lowercase slug words joined by '-', then '-' and 6 hex digits: no '/', '\\', '.', NUL or reserved device name. */
const VOICE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*-[0-9a-f]{6}$/;
const MAX_ID_CHARS = MAX_SLUG_CHARS + 7;
/** Control characters, line/paragraph separators, bidirectional overrides and lone surrogates. */
const UNPRINTABLE = /[\p{Cc}\p{Zl}\p{Zp}\p{Cs}\u202a-\u202e\u2066-\u2069]/u;
/** The same, but tabs and line breaks are fine in spoken text. */
const UNPRINTABLE_IN_TEXT = /[\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\p{Cs}\u202a-\u202e\u2066-\u2069]/u;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function bad(message: string): VoiceCloneError {
  return new VoiceCloneError('BAD_ARGUMENT', message);
}

/** A value shown inside an error message: quoted, escaped and cut short. */
export function shown(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function codePoints(text: string): number {
  return [...text].length;
}

/** A voice name, NFC-normalized and trimmed: 1 to 80 characters, nothing unprintable. */
export function checkName(name: unknown, what = 'A voice name'): string {
  if (typeof name !== 'string') throw bad(`${what} must be text.`);
  if (UNPRINTABLE.test(name)) throw bad(`${what} cannot contain control characters (${shown(name)}).`);
  const clean = name.normalize('NFC').trim();
  if (clean === '') throw bad(`${what} cannot be empty.`);
  if (codePoints(clean) > MAX_NAME_CHARS) throw bad(`${what} can have at most ${MAX_NAME_CHARS} characters (${shown(clean)}).`);
  return clean;
}

/** A voice id as the library makes them; anything else (paths, '..', NUL, capitals) is refused. */
export function checkVoiceId(id: unknown): string {
  if (typeof id !== 'string' || id.length > MAX_ID_CHARS || !VOICE_ID.test(id)) {
    throw bad(`${shown(id)} is not a voice id (ids look like "my-voice-3f9a1c").`);
  }
  return id;
}

/** A new id for a voice called `name`: its ASCII slug (or "voice") plus 6 random hex digits. */
export function makeVoiceId(name: string): string {
  const slug = slugify(name, { lowercase: true, separator: '-', allowedChars: 'a-zA-Z0-9' })
    .slice(0, MAX_SLUG_CHARS)
    .replace(/-+$/, '');
  return `${slug || 'voice'}-${randomBytes(3).toString('hex')}`;
}

export function checkMethod(method: unknown): CloneMethod {
  const found = CLONE_METHODS.find((m) => m === method);
  if (found === undefined) throw bad(`${shown(method)} is not a cloning method (expected ${CLONE_METHODS.join(', ')}).`);
  return found;
}

/** An ISO 8601 UTC timestamp as Date.toISOString writes it. */
export function checkCreatedAt(value: unknown): string {
  if (typeof value !== 'string' || !ISO_UTC.test(value) || Number.isNaN(Date.parse(value)) || new Date(value).toISOString() !== value) {
    throw bad(`${shown(value)} is not a creation time (expected e.g. 2024-05-01T12:00:00.000Z).`);
  }
  return value;
}

/** A short printable label: 1 to `maxChars` characters, nothing unprintable, kept as given. */
function checkLabel(value: unknown, what: string, maxChars: number): string {
  if (typeof value !== 'string' || value === '' || codePoints(value) > maxChars || UNPRINTABLE.test(value)) {
    throw bad(`${what} ${shown(value)} is not 1 to ${maxChars} printable characters.`);
  }
  return value;
}

/** The TTS model version the voice was made for. */
export function checkTtsModel(value: unknown): string {
  return checkLabel(value, 'The TTS model version', MAX_TTS_MODEL_CHARS);
}

/** The name of an adapter tensor (any printable text, '/' included: it never becomes a path). */
export function checkTensorName(value: unknown): string {
  return checkLabel(value, 'The adapter tensor name', MAX_TENSOR_NAME_CHARS);
}

/** Spoken text of a clip or consent statement: may be empty, at most 5000 characters, no control characters. */
export function checkText(value: unknown, what: string): string {
  if (typeof value !== 'string') throw bad(`${what} must be text.`);
  if (codePoints(value) > MAX_TEXT_CHARS) throw bad(`${what} can have at most ${MAX_TEXT_CHARS} characters.`);
  if (UNPRINTABLE_IN_TEXT.test(value)) throw bad(`${what} contains control characters.`);
  return value;
}

export function checkFiniteNumber(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw bad(`${what} must be a finite number (got ${shown(value)}).`);
  return value;
}

export function checkBoolean(value: unknown, what: string): boolean {
  if (typeof value !== 'boolean') throw bad(`${what} must be true or false (got ${shown(value)}).`);
  return value;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Measured figures: up to 100 named finite numbers; copied into a fresh object. */
export function checkFigures(value: unknown): Record<string, number> {
  if (!isRecord(value)) throw bad('The figures must be a record of named numbers.');
  const entries = Object.entries(value);
  if (entries.length > MAX_FIGURES) throw bad(`A voice can have at most ${MAX_FIGURES} figures (got ${entries.length}).`);
  return Object.fromEntries(entries.map(([key, v]) => [checkLabel(key, 'The figure name', MAX_NAME_CHARS), checkFiniteNumber(v, `Figure ${shown(key)}`)]));
}

/** Float data with no NaN or infinity. */
export function checkFloats(data: unknown, what: string): Float32Array {
  if (!(data instanceof Float32Array)) throw bad(`${what} must be a Float32Array.`);
  for (let i = 0; i < data.length; i++) {
    if (!Number.isFinite(data[i])) throw bad(`${what} has a non-finite value at index ${i}.`);
  }
  return data;
}

/** A speaker embedding: 1 to 65536 finite floats. */
export function checkEmbedding(data: unknown): Float32Array {
  const embedding = checkFloats(data, 'The speaker embedding');
  if (embedding.length === 0 || embedding.length > MAX_EMBEDDING_LENGTH) {
    throw bad(`The speaker embedding must have 1 to ${MAX_EMBEDDING_LENGTH} values (got ${embedding.length}).`);
  }
  return embedding;
}

/** A tensor shape: up to 8 whole, non-negative dimensions; returns the element count. */
export function checkShape(shape: unknown, what: string): number {
  if (!Array.isArray(shape) || shape.length > MAX_TENSOR_RANK || !shape.every((d) => Number.isSafeInteger(d) && d >= 0)) {
    throw bad(`${what} has shape ${shown(JSON.stringify(shape))}; expected up to ${MAX_TENSOR_RANK} whole non-negative sizes.`);
  }
  const count = (shape as number[]).reduce((n, d) => n * d, 1);
  if (!Number.isSafeInteger(count)) throw bad(`${what} is too large.`);
  return count;
}

/** Adapter tensors: names, shapes and data that agree, all finite. */
export function checkAdapter(adapter: unknown): Record<string, NamedTensor> | null {
  if (adapter === null) return null;
  if (!isRecord(adapter)) throw bad('The adapter must be null or a record of named tensors.');
  const entries = Object.entries(adapter);
  if (entries.length > MAX_TENSORS) throw bad(`An adapter can have at most ${MAX_TENSORS} tensors (got ${entries.length}).`);
  return Object.fromEntries(
    entries.map(([name, tensor]) => {
      const what = `Adapter tensor ${shown(checkTensorName(name))}`;
      if (!isRecord(tensor)) throw bad(`${what} must have a shape and data.`);
      const count = checkShape(tensor.shape, what);
      const data = checkFloats(tensor.data, what);
      if (data.length !== count) throw bad(`${what} has ${data.length} values but its shape holds ${count}.`);
      return [name, { shape: [...(tensor.shape as number[])], data }];
    }),
  );
}

/** Audio the library stores: mono at SAMPLE_RATE, not empty, at most LIMITS.maxSeconds long. */
export function checkClipAudio(audio: unknown, what: string): MonoAudio {
  if (!isRecord(audio) || !(audio.samples instanceof Float32Array)) throw bad(`${what} must be mono audio with Float32Array samples.`);
  if (audio.sampleRate !== SAMPLE_RATE) {
    throw bad(`${what} is at ${shown(audio.sampleRate)} Hz; resample it to ${SAMPLE_RATE} Hz first.`);
  }
  const seconds = audio.samples.length / SAMPLE_RATE;
  if (audio.samples.length === 0) throw bad(`${what} is empty.`);
  if (seconds > LIMITS.maxSeconds) throw bad(`${what} is ${seconds.toFixed(1)} s long; the limit is ${LIMITS.maxSeconds} s.`);
  return { samples: audio.samples, sampleRate: SAMPLE_RATE };
}

/** A draft from a cloning run, every field checked, as a fresh object (the arrays are shared, not copied). */
export function checkDraft(draft: VoiceDraft): VoiceDraft {
  if (!isRecord(draft)) throw bad('A voice draft must be an object.');
  if (!Array.isArray(draft.clips) || draft.clips.length === 0 || draft.clips.length > MAX_CLIPS) {
    throw bad(`A voice needs 1 to ${MAX_CLIPS} clips of the audio it came from.`);
  }
  const clips = draft.clips.map((clip, i) => {
    if (!isRecord(clip)) throw bad(`Clip ${i + 1} must have audio and text.`);
    return { audio: checkClipAudio(clip.audio, `Clip ${i + 1}`), text: checkText(clip.text, `The text of clip ${i + 1}`) };
  });
  const checked: VoiceDraft = {
    name: checkName(draft.name),
    method: checkMethod(draft.method),
    embedding: checkEmbedding(draft.embedding),
    adapter: checkAdapter(draft.adapter),
    clips,
    ttsModel: checkTtsModel(draft.ttsModel),
    figures: checkFigures(draft.figures),
  };
  if (draft.consent !== undefined) checked.consent = checkConsent(draft.consent);
  return checked;
}

function checkConsent(consent: unknown): VoiceConsent {
  if (!isRecord(consent)) throw bad('The consent must have text, audio, verified and score.');
  return {
    text: checkText(consent.text, 'The consent text'),
    audio: checkClipAudio(consent.audio, 'The consent recording'),
    verified: checkBoolean(consent.verified, 'Consent "verified"'),
    score: checkFiniteNumber(consent.score, 'The consent score'),
  };
}
