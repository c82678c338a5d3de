// Checks on every value a window sends over IPC (types, sizes, ranges) before anything acts on it. A failed check
// throws VoiceCloneError('BAD_ARGUMENT') naming the field, so a malformed payload gets an error, never a crash.
import type { AudioInput, CloneMethod, CloneRequest, ClipInput, SaveKind } from '../ml/api';
import { VoiceCloneError } from '../ml/errors';

const MiB = 1024 * 1024;

/** Limits on what a window may send. */
export const IPC_LIMITS = {
  /** One audio file: 5 minutes of 48 kHz stereo 24-bit WAV fits. */
  audioBytes: 96 * MiB,
  /** Clips in one clone request. */
  clips: 50,
  /** All recordings of one clone request together (clips and consent). */
  cloneBytes: 512 * MiB,
  /** Reference clips for one similarity. */
  references: 50,
  /** An exported voice file. */
  voiceBytes: 256 * MiB,
  /** Any file handed to a save dialog. */
  saveBytes: 256 * MiB,
  /** Text to speak or a clip's transcript. */
  textChars: 2000,
  /** A voice's or a file's name. */
  nameChars: 120,
  /** The name of the person written into the consent statement. */
  personNameChars: 80,
} as const;

const CLONE_METHODS: readonly CloneMethod[] = ['encode', 'adapt-embedding', 'adapt-whole'];
const SAVE_KINDS: readonly SaveKind[] = ['wav', 'voice', 'csv'];
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;

function bad(message: string): VoiceCloneError {
  return new VoiceCloneError('BAD_ARGUMENT', message);
}

/** The positional arguments of a call: an array of exactly `count` values. */
export function argList(payload: unknown, count: number): unknown[] {
  if (!Array.isArray(payload)) throw bad('The request must be a list of arguments.');
  if (payload.length !== count) throw bad(`The request must have ${count} argument(s), not ${payload.length}.`);
  return payload;
}

/** A plain object with exactly these keys. */
function record(value: unknown, field: string, keys: readonly string[]): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Uint8Array) {
    throw bad(`${field} must be an object.`);
  }
  const extra = Object.keys(value).filter((k) => !keys.includes(k));
  if (extra.length > 0) throw bad(`${field} has unexpected field(s): ${extra.join(', ')}.`);
  return value as Record<string, unknown>;
}

/** A string of 1..maxChars characters (after trimming when `trim`), without control characters. */
export function text(value: unknown, field: string, maxChars: number): string {
  if (typeof value !== 'string') throw bad(`${field} must be text.`);
  if (value.trim().length === 0) throw bad(`${field} is empty.`);
  if (value.length > maxChars) throw bad(`${field} is longer than ${maxChars} characters.`);
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value)) throw bad(`${field} contains control characters.`);
  return value;
}

/** A voice or job id: letters, digits and _ . : - only, so it can never name a path. */
export function id(value: unknown, field: string): string {
  if (typeof value !== 'string' || !ID_PATTERN.test(value) || value.includes('..')) {
    throw bad(`${field} is not a valid id.`);
  }
  return value;
}

/** Bytes of 1..maxBytes. */
export function bytes(value: unknown, field: string, maxBytes: number): Uint8Array {
  if (!(value instanceof Uint8Array)) throw bad(`${field} must be file bytes.`);
  if (value.byteLength === 0) throw bad(`${field} is empty.`);
  if (value.byteLength > maxBytes) throw bad(`${field} is larger than ${Math.round(maxBytes / MiB)} MiB.`);
  return value;
}

/** A person's name for the consent statement, trimmed. */
export function personName(value: unknown, field: string): string {
  return text(value, field, IPC_LIMITS.personNameChars).trim();
}

/** A file name without any folder part. */
export function fileName(value: unknown, field: string): string {
  const name = text(value, field, IPC_LIMITS.nameChars);
  if (/[/\\]/.test(name) || name === '.' || name === '..') throw bad(`${field} must be a file name, not a path.`);
  return name;
}

export function audioInput(value: unknown, field: string): AudioInput {
  const r = record(value, field, ['name', 'bytes']);
  return { name: fileName(r.name, `${field}.name`), bytes: bytes(r.bytes, `${field}.bytes`, IPC_LIMITS.audioBytes) };
}

function clipInput(value: unknown, field: string): ClipInput {
  const r = record(value, field, ['name', 'bytes', 'text']);
  const audio = audioInput({ name: r.name, bytes: r.bytes }, field);
  if (typeof r.text !== 'string' || r.text.length > IPC_LIMITS.textChars) {
    throw bad(`${field}.text must be text of at most ${IPC_LIMITS.textChars} characters.`);
  }
  return { ...audio, text: r.text };
}

/** A list of `min`..`max` items, each checked by `item`. */
export function list<T>(value: unknown, field: string, min: number, max: number, item: (v: unknown, f: string) => T): T[] {
  if (!Array.isArray(value)) throw bad(`${field} must be a list.`);
  if (value.length < min || value.length > max) throw bad(`${field} must hold ${min} to ${max} items.`);
  return value.map((v, i) => item(v, `${field}[${i}]`));
}

/** A clone request. A missing `consent` passes: the engine refuses it with CONSENT_MISSING, its own readable line. */
export function cloneRequest(value: unknown): CloneRequest {
  const r = record(value, 'request', ['jobId', 'name', 'method', 'clips', 'consent']);
  if (!CLONE_METHODS.includes(r.method as CloneMethod)) {
    throw bad(`request.method must be one of ${CLONE_METHODS.join(', ')}.`);
  }
  const clips = list(r.clips, 'request.clips', 1, IPC_LIMITS.clips, clipInput);
  const consent = r.consent === undefined ? undefined : clipInput(r.consent, 'request.consent');
  const total = [...clips, ...(consent ? [consent] : [])].reduce((n, c) => n + c.bytes.byteLength, 0);
  if (total > IPC_LIMITS.cloneBytes) throw bad(`The recordings add up to more than ${IPC_LIMITS.cloneBytes / MiB} MiB.`);
  return {
    jobId: id(r.jobId, 'request.jobId'),
    name: text(r.name, 'request.name', IPC_LIMITS.nameChars),
    method: r.method as CloneMethod,
    clips,
    ...(consent ? { consent } : {}),
  };
}

export function saveKind(value: unknown): SaveKind {
  if (!SAVE_KINDS.includes(value as SaveKind)) throw bad(`kind must be one of ${SAVE_KINDS.join(', ')}.`);
  return value as SaveKind;
}
