// Runs the bench's cells in several worker processes side by side (wasm is one thread per process): each measures its
// share into the shared cache, and their progress is merged into one line.

import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { VoiceCloneError, type VoiceCloneErrorCode } from '../../errors';
import type { BenchOptions } from './options';
import type { BenchProgress } from './progress';
import type { BenchShard } from './run';

/** What the parent sends a worker. */
export interface ShardRequest {
  options: BenchOptions;
  shard: BenchShard;
}

/** What a worker sends back. */
export type ShardMessage =
  | { type: 'progress'; progress: BenchProgress }
  | { type: 'done'; measured: number; written: number }
  | { type: 'error'; message: string; code: VoiceCloneErrorCode | null };

const WORKER_FILE = fileURLToPath(new URL('./shard-worker.ts', import.meta.url));
/** The TypeScript loader the worker runs under (the same one `npm run eval` uses). */
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** Progress of all workers as one: each worker's cells done, measured and total add up; the label is the latest. */
export function mergeProgress(parts: readonly (BenchProgress | null)[], label: string): BenchProgress {
  const have = parts.filter((p): p is BenchProgress => p !== null);
  const sum = (f: (p: BenchProgress) => number) => have.reduce((s, p) => s + f(p), 0);
  return { done: sum((p) => p.done), total: sum((p) => p.total), measured: sum((p) => p.measured), measuredSeconds: sum((p) => p.measuredSeconds), label, workers: parts.length };
}

interface Worker {
  child: ChildProcess;
  finished: Promise<{ measured: number; written: number }>;
}

function startWorker(request: ShardRequest, onProgress: (p: BenchProgress) => void): Worker {
  const child = fork(WORKER_FILE, [], { execArgv: ['--import', TSX_LOADER], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const name = `Bench worker ${request.shard.index + 1} of ${request.shard.count}`;
  const finished = new Promise<{ measured: number; written: number }>((resolve, reject) => {
    let result: { measured: number; written: number } | null = null;
    let failure: Extract<ShardMessage, { type: 'error' }> | null = null;
    child.on('message', (msg: ShardMessage) => {
      if (msg.type === 'progress') onProgress(msg.progress);
      else if (msg.type === 'done') result = { measured: msg.measured, written: msg.written };
      else failure = msg;
    });
    child.on('error', (e) => reject(new Error(`${name} could not start: ${e.message}`, { cause: e })));
    child.on('exit', (code, signal) => {
      if (result && code === 0) resolve(result);
      else if (failure?.code) reject(new VoiceCloneError(failure.code, failure.message));
      else reject(new Error(`${name} failed: ${failure?.message ?? `it exited with ${signal ?? `code ${code}`}`}`));
    });
  });
  child.send(request);
  return { child, finished };
}

/**
 * Measures every cell of the run in `options.workers` processes; resolves when all have finished, with the cells they
 * measured and wrote. When one fails the others are stopped and the run fails with its message; finished cells stay
 * cached for the next run.
 */
export async function measureInWorkers(options: BenchOptions, onProgress: (p: BenchProgress) => void): Promise<{ measured: number; written: number }> {
  const count = options.workers;
  const parts: (BenchProgress | null)[] = Array.from({ length: count }, () => null);
  const workers = parts.map((_, index) =>
    startWorker({ options, shard: { index, count } }, (p) => {
      parts[index] = p;
      onProgress(mergeProgress(parts, p.label));
    }),
  );
  try {
    const results = await Promise.all(workers.map((w) => w.finished));
    return results.reduce((s, r) => ({ measured: s.measured + r.measured, written: s.written + r.written }), { measured: 0, written: 0 });
  } catch (e) {
    for (const w of workers) if (w.child.exitCode === null) w.child.kill();
    await Promise.allSettled(workers.map((w) => w.finished));
    throw e;
  }
}
