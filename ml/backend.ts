// Picks the TensorFlow.js backend once per process: tfjs-node when it loads, else wasm (SIMD, one thread).
// VOICECLONE_BACKEND=node|wasm|cpu forces one; the plain-JS cpu backend is only ever used when asked for by name.

import * as tf from '@tensorflow/tfjs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { VoiceCloneError } from './errors';

export type BackendName = 'tensorflow' | 'wasm' | 'cpu';

export interface BackendInfo {
  name: BackendName;
  /** Why this backend was chosen, for logs and model cards. */
  reason: string;
}

let chosen: Promise<BackendInfo> | undefined;

const require = createRequire(import.meta.url);

/** A variable, not a literal: tfjs-node is optional, so neither TypeScript nor bundlers may require it to exist. */
const TFJS_NODE = '@tensorflow/tfjs-node';

async function tryNode(): Promise<boolean> {
  try {
    // tfjs-node installs only where libtensorflow can be downloaded.
    await import(/* @vite-ignore */ TFJS_NODE);
    return await tf.setBackend('tensorflow');
  } catch {
    return false;
  }
}

/** Folder holding the tfjs wasm binaries, resolved from node_modules (works in Node and Electron's main process). */
export function wasmDir(): string {
  const pkg = require.resolve('@tensorflow/tfjs-backend-wasm/package.json');
  return path.join(path.dirname(pkg), 'dist') + path.sep;
}

async function tryWasm(): Promise<boolean> {
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  wasm.setWasmPaths(wasmDir());
  return tf.setBackend('wasm');
}

async function select(): Promise<BackendInfo> {
  const forced = process.env.VOICECLONE_BACKEND?.trim().toLowerCase();
  if (forced && !['node', 'tensorflow', 'wasm', 'cpu'].includes(forced)) {
    throw new VoiceCloneError('BAD_ARGUMENT', `VOICECLONE_BACKEND must be node, wasm or cpu, not "${forced}".`);
  }
  if (forced === 'cpu') {
    await tf.setBackend('cpu');
    return { name: 'cpu', reason: 'forced by VOICECLONE_BACKEND=cpu (plain JavaScript, about 100× slower for training)' };
  }
  if (forced === 'node' || forced === 'tensorflow') {
    if (await tryNode()) return { name: 'tensorflow', reason: 'forced by VOICECLONE_BACKEND=node' };
    throw new VoiceCloneError('BACKEND_UNAVAILABLE', 'VOICECLONE_BACKEND=node was asked for, but @tensorflow/tfjs-node is not installed or did not load.');
  }
  if (forced !== 'wasm' && (await tryNode())) return { name: 'tensorflow', reason: '@tensorflow/tfjs-node loaded' };
  if (await tryWasm()) {
    return { name: 'wasm', reason: forced === 'wasm' ? 'forced by VOICECLONE_BACKEND=wasm' : '@tensorflow/tfjs-node not available; using wasm (SIMD, one thread)' };
  }
  throw new VoiceCloneError('BACKEND_UNAVAILABLE', 'Neither @tensorflow/tfjs-node nor the wasm backend could be started; reinstall the app (npm ci).');
}

/** Initializes the backend once; later calls return the same choice. */
export function initBackend(): Promise<BackendInfo> {
  chosen ??= select().then(async (info) => {
    await tf.ready();
    return info;
  });
  return chosen;
}

export { tf };
