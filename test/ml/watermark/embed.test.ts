// markEnergyDb: how far under the original the added mark is, on signals with a known answer, and a refusal of
// audio that is not the original plus a mark.
import { describe, expect, it } from 'vitest';
import { markEnergyDb } from '../../../ml/watermark/embed';

const audio = (samples: number[]) => ({ samples: Float32Array.from(samples), sampleRate: 16000 });

describe('markEnergyDb', () => {
  it('gives the added energy relative to the original in dB', () => {
    // Original energy 4 (four samples of ±1); added 0.1 on each sample: energy 0.04 → −20 dB.
    expect(markEnergyDb(audio([1, -1, 1, -1]), audio([1.1, -0.9, 1.1, -0.9]))).toBeCloseTo(-20, 5);
  });

  it('refuses audio of another length', () => {
    expect(() => markEnergyDb(audio([1, 1]), audio([1]))).toThrow(/lengths differ/);
  });
});
