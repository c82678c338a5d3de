// The renderer's handle on the engine: the preload's typed API, and how its failures read to a person.
import type { StudioApi } from '../ml/api';

export const api: StudioApi = window.voiceclone;

/** The one line to show for a failed call (EngineError, Error or anything else). */
export function errorMessage(e: unknown): string {
  if (typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string') {
    return (e as { message: string }).message;
  }
  return String(e);
}

/** The code a failed call carries (EngineError.code), or null for anything else. */
export function errorCode(e: unknown): string | null {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : null;
}
