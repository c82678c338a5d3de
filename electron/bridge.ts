// Builds the window's `voiceclone` API over a transport (Electron's ipcRenderer in preload.ts; a test transport in
// the e2e bridge): positional arguments out, result envelopes unwrapped, failures rejected as plain EngineErrors.
import type { JobProgress, StudioApi } from '../ml/api';
import { STUDIO_METHODS, type StudioMethod } from './channels';
import type { IpcResult } from './ipc';

export interface Transport {
  invoke(method: StudioMethod, args: unknown[]): Promise<IpcResult>;
  /** Subscribes to progress events; returns the unsubscribe function. */
  subscribe(listener: (p: JobProgress) => void): () => void;
}

/** The API object; each method sends exactly its own arguments, and nothing else reaches the transport. */
export function createStudioApi(transport: Transport): StudioApi {
  const api: Record<string, unknown> = {
    onProgress: (listener: (p: JobProgress) => void) => transport.subscribe(listener),
  };
  for (const method of STUDIO_METHODS) {
    api[method] = async (...args: unknown[]) => {
      const result = await transport.invoke(method, args);
      if (!result.ok) throw { code: result.error.code, message: result.error.message };
      return result.value;
    };
  }
  return Object.freeze(api) as unknown as StudioApi;
}
