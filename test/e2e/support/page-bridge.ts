// What the e2e page runs before the app, in place of Electron's preload: the same createStudioApi over a transport
// of two Playwright bindings, so every call goes through the main process's real dispatch and validation.
import type { JobProgress } from '../../../ml/api';
import { createStudioApi } from '../../../electron/bridge';
import type { IpcResult } from '../../../electron/ipc';
import { decode, encode } from './codec';

declare global {
  interface Window {
    /** Installed by page.exposeBinding: one request in, one result envelope out (JSON with bytes). */
    __voicecloneInvoke(method: string, payload: string): Promise<string>;
    /** Called by the test's bridge with each progress report (JSON). */
    __voicecloneProgress(progress: string): void;
  }
}

const listeners = new Set<(p: JobProgress) => void>();
window.__voicecloneProgress = (p) => {
  for (const l of listeners) l(decode(p) as JobProgress);
};
window.voiceclone = createStudioApi({
  invoke: async (method, args) => decode(await window.__voicecloneInvoke(method, encode(args))) as IpcResult,
  subscribe: (listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
});
