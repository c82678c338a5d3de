// Saved verifier weights round-trip exactly, and damaged or foreign files are refused with a readable error.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend, tf } from '../../../../ml/backend';
import { initVerifierWeights, verifierForward, VERIFIER_CONFIG } from '../../../../ml/models/verifier/model';
import { loadVerifierFiles, MODEL_FILE, PROJECTION_WEIGHT, saveVerifier, WEIGHTS_FILE } from '../../../../ml/models/verifier/weights';

beforeAll(async () => {
  await initBackend();
});

async function saved(): Promise<{ dir: string; expected: number[][]; x: tf.Tensor3D }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'verifier-weights-'));
  const w = initVerifierWeights(VERIFIER_CONFIG, 9);
  w.melMean.assign(tf.fill([80], -5));
  const head = tf.ones([256, 3]);
  await saveVerifier(dir, { ...w, head }, { config: VERIFIER_CONFIG, calibration: { a: 10, b: -5 }, durationWeights: { logMin: -0.02, logSum: -0.06 }, training: { step: 42 } });
  const x = tf.randomNormal([2, 50, 80], -4, 2, 'float32', 4) as tf.Tensor3D;
  const expected = tf.tidy(() => verifierForward(w, x).arraySync() as number[][]);
  return { dir, expected, x };
}

describe('saveVerifier / loadVerifierFiles', () => {
  it('round-trips weights, normalization, extra tensors and metadata', async () => {
    const { dir, expected, x } = await saved();
    const loaded = await loadVerifierFiles(dir);
    expect(loaded.calibration).toEqual({ a: 10, b: -5 });
    expect(loaded.durationWeights).toEqual({ logMin: -0.02, logSum: -0.06 });
    expect(loaded.training.step).toBe(42);
    expect(loaded.extra.head.shape).toEqual([256, 3]);
    expect(loaded.weights.melMean.trainable).toBe(false);
    expect(loaded.weights.inputW.trainable).toBe(true);
    expect(tf.tidy(() => verifierForward(loaded.weights, x).arraySync())).toEqual(expected);
  });

  it('carries an optional WCCN projection, absent from plain training checkpoints', async () => {
    const { dir } = await saved();
    expect((await loadVerifierFiles(dir)).projection).toBeNull();
    const w = initVerifierWeights(VERIFIER_CONFIG, 1);
    const eye = tf.eye(256).mul(2);
    await saveVerifier(dir, { ...w, [PROJECTION_WEIGHT]: eye }, { config: VERIFIER_CONFIG, calibration: null, durationWeights: null, training: {} });
    const loaded = await loadVerifierFiles(dir);
    expect(loaded.projection).toHaveLength(256 * 256);
    expect(loaded.projection![0]).toBe(2);
    expect(loaded.projection![1]).toBe(0);
    expect(Object.keys(loaded.extra)).toEqual([]);
  });

  it('refuses weights whose checksum does not match', async () => {
    const { dir } = await saved();
    const file = path.join(dir, WEIGHTS_FILE);
    const bytes = readFileSync(file);
    bytes[100] ^= 0xff;
    writeFileSync(file, bytes);
    await expect(loadVerifierFiles(dir)).rejects.toThrow(/checksum/);
  });

  it('refuses another format version and a missing folder', async () => {
    const { dir } = await saved();
    const model = JSON.parse(readFileSync(path.join(dir, MODEL_FILE), 'utf8'));
    writeFileSync(path.join(dir, MODEL_FILE), JSON.stringify({ ...model, version: 99 }));
    await expect(loadVerifierFiles(dir)).rejects.toThrow(/version 2 speaker-verifier/);
    await expect(loadVerifierFiles(path.join(dir, 'nope'))).rejects.toThrow(/not found/);
  });
});
