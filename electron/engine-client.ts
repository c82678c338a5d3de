// The main process's VoiceEngine: forwards each call to the engine's worker thread (started on the first call) and
// routes clone progress back to the caller. If the worker dies, pending calls fail readably and the next call
// starts a fresh one.
import { Worker } from 'node:worker_threads';
import type { CloneRequest, EngineError, JobProgress, VoiceEngine } from '../ml/api';
import type { CallMessage, EngineMethod, EngineWorkerData, WorkerMessage } from './engine-protocol';

export interface EngineClientOptions extends EngineWorkerData {
  /** The built worker script (dist-electron/engine-worker.js). */
  workerFile: string;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: EngineError): void;
}

export class EngineClient implements VoiceEngine {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly progressListeners = new Map<string, (p: JobProgress) => void>();

  constructor(private readonly opts: EngineClientOptions) {}

  /** Whether the worker thread is running (it starts on the first call). */
  get started(): boolean {
    return this.worker !== null;
  }

  private start(): Worker {
    const data: EngineWorkerData = { engineModule: this.opts.engineModule, libraryDir: this.opts.libraryDir };
    const worker = new Worker(this.opts.workerFile, { workerData: data });
    worker.on('message', (msg: WorkerMessage) => this.receive(msg));
    worker.on('error', (err) => this.failAll(`The voice engine stopped: ${err.message.split('\n', 1)[0]}`));
    worker.on('exit', (code) => {
      if (this.worker === worker) this.worker = null;
      this.failAll(`The voice engine stopped (exit code ${code}).`);
    });
    return worker;
  }

  private receive(msg: WorkerMessage): void {
    if (msg.type === 'progress') {
      this.progressListeners.get(msg.progress.jobId)?.(msg.progress);
      return;
    }
    const p = this.pending.get(msg.id);
    if (!p) return;
    this.pending.delete(msg.id);
    if (msg.type === 'result') p.resolve(msg.value);
    else p.reject(msg.error);
  }

  private failAll(message: string, code: EngineError['code'] = 'INTERNAL'): void {
    for (const p of this.pending.values()) p.reject({ code, message });
    this.pending.clear();
    this.progressListeners.clear();
  }

  private call<T>(method: EngineMethod, args: unknown[]): Promise<T> {
    this.worker ??= this.start();
    const id = this.nextId++;
    const msg: CallMessage = { type: 'call', id, method, args };
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker!.postMessage(msg);
    });
  }

  /** Stops the worker; pending calls fail as CANCELLED (the app is closing: nothing went wrong). */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.failAll('The voice engine was shut down because the app is closing.', 'CANCELLED');
    if (worker) await worker.terminate();
  }

  inspectClip: VoiceEngine['inspectClip'] = (clip) => this.call('inspectClip', [clip]);
  promptSentences: VoiceEngine['promptSentences'] = () => this.call('promptSentences', []);
  consentStatement: VoiceEngine['consentStatement'] = (name) => this.call('consentStatement', [name]);
  listVoices: VoiceEngine['listVoices'] = () => this.call('listVoices', []);
  cancel: VoiceEngine['cancel'] = (jobId) => this.call('cancel', [jobId]);
  synthesize: VoiceEngine['synthesize'] = (voiceId, text) => this.call('synthesize', [voiceId, text]);
  similarity: VoiceEngine['similarity'] = (audio, references) => this.call('similarity', [audio, references]);
  renameVoice: VoiceEngine['renameVoice'] = (id, name) => this.call('renameVoice', [id, name]);
  deleteVoice: VoiceEngine['deleteVoice'] = (id) => this.call('deleteVoice', [id]);
  restoreVoice: VoiceEngine['restoreVoice'] = (id) => this.call('restoreVoice', [id]);
  exportVoice: VoiceEngine['exportVoice'] = (id) => this.call('exportVoice', [id]);
  importVoice: VoiceEngine['importVoice'] = (bytes) => this.call('importVoice', [bytes]);
  voiceMap: VoiceEngine['voiceMap'] = () => this.call('voiceMap', []);
  voiceSpectrum: VoiceEngine['voiceSpectrum'] = (id) => this.call('voiceSpectrum', [id]);
  checkWatermark: VoiceEngine['checkWatermark'] = (audio) => this.call('checkWatermark', [audio]);

  async clone(req: CloneRequest, onProgress: (p: JobProgress) => void): Promise<Awaited<ReturnType<VoiceEngine['clone']>>> {
    this.progressListeners.set(req.jobId, onProgress);
    try {
      return await this.call('clone', [req]);
    } finally {
      this.progressListeners.delete(req.jobId);
    }
  }
}
