// Messages between the main process and the engine's worker thread: calls out, results, errors and progress back.
import type { EngineError, JobProgress, VoiceEngine } from '../ml/api';

/** Engine methods callable in the worker. */
export type EngineMethod = keyof VoiceEngine;

/** What the worker needs to start the engine. */
export interface EngineWorkerData {
  /** Absolute path of ml/engine.ts (loaded through tsx, so its model files resolve next to it). */
  engineModule: string;
  libraryDir: string;
}

export interface CallMessage {
  type: 'call';
  id: number;
  method: EngineMethod;
  /** The method's arguments; clone's progress callback is replaced by progress messages. */
  args: unknown[];
}

export type WorkerMessage =
  | { type: 'result'; id: number; value: unknown }
  | { type: 'error'; id: number; error: EngineError }
  | { type: 'progress'; progress: JobProgress };
