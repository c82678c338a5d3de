// Preload script of the sandboxed window: exposes the one typed API (`window.voiceclone`, ml/api.ts StudioApi)
// through contextBridge; the page gets these functions and nothing else from Node or Electron.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { JobProgress } from '../ml/api';
import { createStudioApi } from './bridge';
import { channelOf, PROGRESS_CHANNEL } from './channels';

contextBridge.exposeInMainWorld(
  'voiceclone',
  createStudioApi({
    invoke: (method, args) => ipcRenderer.invoke(channelOf(method), args),
    subscribe: (listener) => {
      const handler = (_e: IpcRendererEvent, p: JobProgress) => listener(p);
      ipcRenderer.on(PROGRESS_CHANNEL, handler);
      return () => {
        ipcRenderer.removeListener(PROGRESS_CHANNEL, handler);
      };
    },
  }),
);
