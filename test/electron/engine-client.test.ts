// The worker-thread engine client: nothing starts until the first call, and an engine that cannot load fails
// that call with a readable line while the main thread keeps going; the next call tries again.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EngineClient } from '../../electron/engine-client';
import { buildEngineWorker } from './support/build-worker';

describe('EngineClient', () => {
  it('starts its worker lazily and turns a failed engine load into a readable error', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engine-client-'));
    const broken = path.join(dir, 'engine.mts');
    fs.writeFileSync(broken, 'export const notAnEngine = 1;\n');
    const client = new EngineClient({ workerFile: await buildEngineWorker(), engineModule: broken, libraryDir: dir });
    try {
      expect(client.started).toBe(false);
      const first = await client.listVoices().then(
        () => null,
        (e: unknown) => e as { code: string; message: string },
      );
      expect(client.started).toBe(true);
      expect(first?.code).toBe('INTERNAL');
      expect(first?.message).toContain('does not export createEngine');
      expect(first?.message).not.toContain('\n');
      await expect(client.promptSentences()).rejects.toMatchObject({ code: 'INTERNAL' });
    } finally {
      await client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails calls still pending at close as CANCELLED, not as an internal error', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engine-client-'));
    const hanging = path.join(dir, 'engine.mts');
    fs.writeFileSync(hanging, 'export async function createEngine() { return { voiceMap: () => new Promise(() => {}) }; }\n');
    const client = new EngineClient({ workerFile: await buildEngineWorker(), engineModule: hanging, libraryDir: dir });
    try {
      const pending = client.voiceMap().then(
        () => null,
        (e: unknown) => e as { code: string; message: string },
      );
      await new Promise((r) => setTimeout(r, 500));
      await client.close();
      expect(await pending).toEqual({ code: 'CANCELLED', message: 'The voice engine was shut down because the app is closing.' });
      expect(client.started).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
