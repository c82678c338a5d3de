// Audio in the renderer: encode takes as 16-bit WAV (the bytes the engine receives), decode any file the browser
// can play to mono samples for waveforms and trimming, and cut a take to its trim handles.
import { WaveFile } from 'wavefile';

export interface Samples {
  samples: Float32Array;
  sampleRate: number;
}

/** Mono float samples as a 16-bit PCM WAV file. */
export function encodeWav(samples: Float32Array, sampleRate: number): Uint8Array {
  const wav = new WaveFile();
  wav.fromScratch(1, sampleRate, '32f', samples);
  wav.toBitDepth('16');
  return wav.toBuffer();
}

/** The samples between `start` and `end` seconds. */
export function sliceSeconds(audio: Samples, start: number, end: number): Float32Array {
  const from = Math.max(0, Math.floor(start * audio.sampleRate));
  const to = Math.min(audio.samples.length, Math.ceil(end * audio.sampleRate));
  return audio.samples.slice(from, Math.max(from, to));
}

/** Decodes wav/flac/mp3/ogg bytes with the browser's decoder, mixed to mono at the file's own rate. */
export async function decodeAudio(bytes: Uint8Array): Promise<Samples> {
  const probe = new OfflineAudioContext(1, 1, 44100);
  const buffer = await probe.decodeAudioData(bytes.slice().buffer);
  const mono = new Float32Array(buffer.length);
  for (let c = 0; c < buffer.numberOfChannels; c++) {
    const ch = buffer.getChannelData(c);
    for (let i = 0; i < mono.length; i++) mono[i] += ch[i] / buffer.numberOfChannels;
  }
  return { samples: mono, sampleRate: buffer.sampleRate };
}
