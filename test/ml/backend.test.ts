// Backend selection: without tfjs-node installed here the engine must land on wasm, never silently on cpu.
import { describe, expect, it } from 'vitest';
import { initBackend, tf } from '../../ml/backend';

describe('initBackend', () => {
  it('selects tfjs-node or wasm, says why, and computes', async () => {
    const info = await initBackend();
    expect(['tensorflow', 'wasm']).toContain(info.name);
    expect(tf.getBackend()).toBe(info.name);
    expect(info.reason.length).toBeGreaterThan(5);
    const y = tf.tidy(() => tf.matMul(tf.ones([2, 3]), tf.ones([3, 2])).dataSync());
    expect(Array.from(y)).toEqual([3, 3, 3, 3]);
  });

  it('returns the same choice on a second call', async () => {
    expect(await initBackend()).toEqual(await initBackend());
  });
});
