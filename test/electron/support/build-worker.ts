// Builds electron/engine-worker.ts the way `npm run build:electron` does, into a cache folder inside the repo
// (so its bare imports resolve from the repo's node_modules), for tests that start the real worker thread.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Path of the freshly built worker script. */
export async function buildEngineWorker(): Promise<string> {
  const outdir = path.join(REPO_ROOT, 'node_modules', '.cache', 'voiceclone-electron-test');
  await build({
    entryPoints: [path.join(REPO_ROOT, 'electron', 'engine-worker.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    outdir,
    outExtension: { '.js': '.mjs' },
    logLevel: 'warning',
  });
  return path.join(outdir, 'engine-worker.mjs');
}
