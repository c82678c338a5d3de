// Errors the IPC layer raises itself (caller not trusted, internal failure) and the one conversion of any thrown
// value into the EngineError a window receives: a code and one readable line, never a stack.
import type { ApiOnlyErrorCode, EngineError } from '../ml/api';

export class ApiError extends Error {
  readonly code: ApiOnlyErrorCode;

  constructor(code: ApiOnlyErrorCode, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }
}

/** Errors whose code and message are meant for people (matched by name: they may come from another module copy). */
const READABLE_ERRORS = new Set(['VoiceCloneError', 'ApiError']);

/**
 * Any thrown value as an EngineError: VoiceCloneError, ApiError and EngineErrors already made (e.g. by the worker)
 * keep their code; anything else (a bug, a Node system error) becomes INTERNAL with its first line.
 */
export function toEngineError(e: unknown): EngineError {
  if (typeof e === 'object' && e !== null) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    const readable = !(e instanceof Error) || READABLE_ERRORS.has(e.name);
    if (readable && typeof code === 'string' && typeof message === 'string') return { code, message: firstLine(message) };
    if (typeof message === 'string') return { code: 'INTERNAL', message: `Internal error: ${firstLine(message)}` };
  }
  return { code: 'INTERNAL', message: `Internal error: ${firstLine(String(e))}` };
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0].trim() || 'no message';
}
