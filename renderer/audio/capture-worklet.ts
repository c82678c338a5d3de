// Audio worklet that copies microphone samples to the page while recording; runs on the audio thread.

declare class AudioWorkletProcessor {
  readonly port: MessagePort;
}
declare function registerProcessor(name: string, processor: new () => AudioWorkletProcessor): void;

class CaptureProcessor extends AudioWorkletProcessor {
  private recording = false;

  constructor() {
    super();
    this.port.onmessage = (e: MessageEvent<'start' | 'stop'>) => {
      this.recording = e.data === 'start';
      if (e.data === 'stop') this.port.postMessage('stopped');
    };
  }

  process(inputs: Float32Array[][]): boolean {
    const channel = inputs[0]?.[0];
    if (this.recording && channel) this.port.postMessage(channel.slice(0));
    return true;
  }
}

registerProcessor('capture', CaptureProcessor);
