// Runs the studio for the e2e test as the desktop app would, minus Electron's binary: the built renderer served
// with the app's CSP, the real engine in its worker thread behind the real IPC dispatch, reached from the page
// through Playwright bindings. Dialogs answer with the files the test names, as a person would pick them.
import { build } from 'esbuild';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { appResponse } from '../../../electron/app-files';
import { EngineClient } from '../../../electron/engine-client';
import { createHandlers, dispatch, type Dialogs } from '../../../electron/ipc';
import { decode, encode } from './codec';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');

/** The page-side bridge, bundled like the preload script. */
async function pageBridgeScript(): Promise<string> {
  const out = await build({
    entryPoints: [path.join(import.meta.dirname, 'page-bridge.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome130',
    write: false,
    logLevel: 'warning',
  });
  return out.outputFiles[0].text;
}

export interface Studio {
  url: string;
  engine: EngineClient;
  /** Files the dialogs will "pick" next. */
  picks: { audio: string[]; voice: string | null; save: string | null };
  /** Installs the bridge into a browser context (before its pages load). */
  attach(context: BrowserContext): Promise<void>;
  close(): Promise<void>;
}

export async function startStudio(libraryDir: string): Promise<Studio> {
  const rendererDir = path.join(REPO_ROOT, 'dist', 'renderer');
  const server: Server = createServer((req, res) => {
    void appResponse(rendererDir, new URL(req.url ?? '/', 'http://x').pathname).then((r) => {
      res.writeHead(r.status, r.headers).end(r.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const engine = new EngineClient({
    workerFile: path.join(REPO_ROOT, 'dist-electron', 'engine-worker.js'),
    engineModule: path.join(REPO_ROOT, 'ml', 'engine.ts'),
    libraryDir,
  });
  const picks: Studio['picks'] = { audio: [], voice: null, save: null };
  const dialogs: Dialogs = {
    openAudioFiles: async () => picks.audio,
    openVoiceFile: async () => picks.voice,
    saveFile: async () => picks.save,
  };
  const handlers = createHandlers(engine, dialogs);
  const script = await pageBridgeScript();
  const trusted = { webContentsId: 1, origin };

  return {
    url: `${origin}/index.html`,
    engine,
    picks,
    async attach(context) {
      await context.exposeBinding('__voicecloneInvoke', async (source, method: string, payload: string) => {
        const sender = {
          webContentsId: 1,
          frameUrl: source.frame.url(),
          isMainFrame: source.frame === source.page.mainFrame(),
        };
        const result = await dispatch(handlers, method, decode(payload), sender, trusted, {
          emitProgress: (p) => void source.page.evaluate((json) => window.__voicecloneProgress(json), encode(p)).catch(() => undefined),
        });
        return encode(result);
      });
      await context.addInitScript({ content: script });
    },
    async close() {
      await engine.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
