// The engine's worker thread: loads ml/engine.ts once, on the first call, and runs every engine call off the main
// process's thread, so long work (model loading, cloning, synthesis) never freezes the window.
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';
import type { VoiceEngine } from '../ml/api';
import { toEngineError } from './api-error';
import type { CallMessage, EngineWorkerData, WorkerMessage } from './engine-protocol';

interface EngineModule {
  createEngine(opts: { libraryDir: string }): Promise<VoiceEngine>;
}

const port = parentPort;
if (!port) throw new Error('engine-worker runs only as a worker thread');
const data = workerData as EngineWorkerData;
register();

let engine: Promise<VoiceEngine> | null = null;

async function loadEngine(): Promise<VoiceEngine> {
  const mod = (await import(pathToFileURL(data.engineModule).href)) as Partial<EngineModule>;
  if (typeof mod.createEngine !== 'function') throw new Error(`${data.engineModule} does not export createEngine`);
  return mod.createEngine({ libraryDir: data.libraryDir });
}

function post(message: WorkerMessage): void {
  port!.postMessage(message);
}

async function run(msg: CallMessage): Promise<unknown> {
  engine ??= loadEngine();
  const e = await engine.catch((err: unknown) => {
    engine = null; // a failed load is retried by the next call
    throw err;
  });
  if (msg.method === 'clone') {
    return e.clone(msg.args[0] as Parameters<VoiceEngine['clone']>[0], (progress) => post({ type: 'progress', progress }));
  }
  const method = e[msg.method] as (...args: unknown[]) => Promise<unknown>;
  return method.apply(e, msg.args);
}

port.on('message', (msg: CallMessage) => {
  run(msg).then(
    (value) => post({ type: 'result', id: msg.id, value }),
    (err: unknown) => post({ type: 'error', id: msg.id, error: toEngineError(err) }),
  );
});
