// Typed errors the engine raises for problems a person can fix (bad input, missing data, bad arguments).
// The CLI and the app print `message` as one readable line; `code` lets callers and tests branch on the kind.

export type VoiceCloneErrorCode =
  | 'EMPTY_FILE'
  | 'NOT_AUDIO'
  | 'TRUNCATED'
  | 'UNSUPPORTED_CODEC'
  | 'SILENCE_ONLY'
  | 'TOO_SHORT'
  | 'TOO_LONG'
  | 'INVALID_SAMPLES'
  | 'FILE_NOT_FOUND'
  | 'BAD_ARGUMENT'
  | 'BACKEND_UNAVAILABLE'
  | 'TEXT_INVALID'
  | 'DATA_MISSING'
  | 'TOOL_MISSING'
  | 'CANCELLED'
  | 'CONSENT_MISSING'
  | 'CONSENT_REJECTED';

export class VoiceCloneError extends Error {
  readonly code: VoiceCloneErrorCode;

  constructor(code: VoiceCloneErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'VoiceCloneError';
    this.code = code;
  }
}

export function isVoiceCloneError(e: unknown): e is VoiceCloneError {
  return e instanceof VoiceCloneError;
}
