// The microphone: lists inputs, opens one without any processing (no echo cancellation, noise suppression or gain
// control, so takes are the voice as it is), shows its live level, and records takes as float samples.
import workletUrl from './capture-worklet.ts?worker&url';
import { frameLevels, type FrameLevels } from './levels';
import type { Samples } from './wav';

export interface Microphone {
  deviceId: string;
  label: string;
}

/** Audio inputs; labels appear once the person has allowed the microphone. */
export async function listMicrophones(): Promise<Microphone[]> {
  const devices = await navigator.mediaDevices.enumerateDevices();
  return devices
    .filter((d) => d.kind === 'audioinput')
    .map((d, i) => ({ deviceId: d.deviceId, label: d.label || `Microphone ${i + 1}` }));
}

export class Recorder {
  private chunks: Float32Array[] = [];
  private readonly frame: Float32Array<ArrayBuffer>;

  private constructor(
    private readonly stream: MediaStream,
    private readonly context: AudioContext,
    private readonly analyser: AnalyserNode,
    private readonly capture: AudioWorkletNode,
  ) {
    this.frame = new Float32Array(analyser.fftSize);
    capture.port.onmessage = (e: MessageEvent<Float32Array | 'stopped'>) => {
      if (e.data instanceof Float32Array) this.chunks.push(e.data);
    };
  }

  /** Opens a microphone (the default one when deviceId is null). */
  static async open(deviceId: string | null): Promise<Recorder> {
    const stream = await navigator.mediaDevices.getUserMedia({
      audio: {
        deviceId: deviceId ? { exact: deviceId } : undefined,
        channelCount: 1,
        echoCancellation: false,
        noiseSuppression: false,
        autoGainControl: false,
      },
    });
    const context = new AudioContext();
    await context.audioWorklet.addModule(workletUrl);
    const source = context.createMediaStreamSource(stream);
    const analyser = context.createAnalyser();
    analyser.fftSize = 2048;
    const capture = new AudioWorkletNode(context, 'capture', { numberOfInputs: 1, numberOfOutputs: 0 });
    source.connect(analyser);
    source.connect(capture);
    return new Recorder(stream, context, analyser, capture);
  }

  /** Level of the last ~46 ms of input. */
  level(): FrameLevels {
    this.analyser.getFloatTimeDomainData(this.frame);
    return frameLevels(this.frame);
  }

  start(): void {
    this.chunks = [];
    this.capture.port.postMessage('start');
  }

  /** Ends the take; resolves once the audio thread has handed over its last samples. */
  stop(): Promise<Samples> {
    return new Promise((resolve) => {
      const previous = this.capture.port.onmessage;
      this.capture.port.onmessage = (e: MessageEvent<Float32Array | 'stopped'>) => {
        if (e.data !== 'stopped') {
          this.chunks.push(e.data);
          return;
        }
        this.capture.port.onmessage = previous;
        const samples = new Float32Array(this.chunks.reduce((n, c) => n + c.length, 0));
        let at = 0;
        for (const c of this.chunks) {
          samples.set(c, at);
          at += c.length;
        }
        this.chunks = [];
        resolve({ samples, sampleRate: this.context.sampleRate });
      };
      this.capture.port.postMessage('stop');
    });
  }

  async close(): Promise<void> {
    for (const t of this.stream.getTracks()) t.stop();
    await this.context.close();
  }
}
