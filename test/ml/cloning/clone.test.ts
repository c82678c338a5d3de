// Size of a cloned voice's model data (the bench and `npm run bench` report it): 4 bytes per embedding value plus
// every adapter tensor.
import { describe, expect, it } from 'vitest';
import { voiceBytes } from '../../../ml/cloning/clone';

describe('voiceBytes', () => {
  it('counts the embedding alone for embedding-only voices', () => {
    expect(voiceBytes({ embedding: new Float32Array(64), adapter: null })).toBe(256);
  });

  it('adds the adapter tensors (a whole-model voice\'s layers, another\'s spectrum match)', () => {
    const adapter = { w: { shape: [3, 4], data: new Float32Array(12) }, b: { shape: [4], data: new Float32Array(4) } };
    expect(voiceBytes({ embedding: new Float32Array(64), adapter })).toBe(256 + 64);
  });
});
