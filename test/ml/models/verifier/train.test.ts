// Training mechanics on a tiny made-up speaker set: the loss falls, checkpoints resume where they stopped, the
// learning-rate schedule warms up and decays. (The real run is scripts/train-verifier.ts.)
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../../../ml/backend';
import type { SpeakerStream } from '../../../../ml/models/verifier/dataset';
import { seededRandom } from '../../../../ml/random';
import { DEFAULT_TRAIN_OPTIONS, learningRateAt, trainVerifier } from '../../../../ml/models/verifier/train';
import { loadVerifierFiles } from '../../../../ml/models/verifier/weights';

beforeAll(async () => {
  await initBackend();
});

/** Speakers as distinct spectral ripples plus noise, 300 frames each, one clean and one shifted (augmented) version. */
function streams(n: number): SpeakerStream[] {
  const rand = seededRandom(5);
  return Array.from({ length: n }, (_, s) => {
    const make = (shift: number) =>
      Float32Array.from({ length: 300 * 80 }, (_, i) => -6 + Math.sin(((i % 80) * (s + 1)) / 12) * 2 + shift + (rand() - 0.5));
    return { key: `test:${s}`, versions: [make(0), make(0.5)], frames: [300, 300] };
  });
}

describe('trainVerifier', () => {
  it('lowers the loss and resumes from its checkpoint', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'verifier-train-'));
    const lines: string[] = [];
    const opts = { ...DEFAULT_TRAIN_OPTIONS, steps: 16, speakersPerBatch: 4, windowsPerSpeaker: 1, learningRate: 1e-2, checkpointEvery: 8, logEvery: 4, checkpointDir: dir, log: (l: string) => lines.push(l) };
    const data = streams(6);
    await trainVerifier(data, { ...opts, steps: 8 });
    expect((await loadVerifierFiles(dir)).training.step).toBe(8);
    const result = await trainVerifier(data, { ...opts, resume: true });
    expect(result.step).toBe(16);
    expect(lines).toContain('resumed at step 8');
    const losses = lines.filter((l) => l.startsWith('step')).map((l) => Number(/loss ([\d.]+)/.exec(l)![1]));
    expect(losses).toHaveLength(4);
    expect(losses[3]).toBeLessThan(losses[0]);
    const saved = await loadVerifierFiles(dir);
    expect(saved.training.step).toBe(16);
    expect(saved.training.speakers).toEqual(data.map((s) => s.key));
  });

  it('trains on windows of a random length per batch when given a range', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'verifier-train-'));
    const lines: string[] = [];
    const opts = { ...DEFAULT_TRAIN_OPTIONS, steps: 4, speakersPerBatch: 4, windowsPerSpeaker: 1, windowFrames: [24, 72] as const, checkpointEvery: 4, logEvery: 1, checkpointDir: dir, log: (l: string) => lines.push(l) };
    expect((await trainVerifier(streams(5), opts)).step).toBe(4);
    const losses = lines.filter((l) => l.startsWith('step')).map((l) => Number(/loss ([\d.]+)/.exec(l)![1]));
    expect(losses).toHaveLength(4);
    expect(losses.every(Number.isFinite)).toBe(true);
  });

  it('refuses to resume on another speaker set', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'verifier-train-'));
    const opts = { ...DEFAULT_TRAIN_OPTIONS, steps: 2, speakersPerBatch: 4, checkpointEvery: 2, checkpointDir: dir, log: () => {} };
    await trainVerifier(streams(5), opts);
    await expect(trainVerifier(streams(6), { ...opts, steps: 4, resume: true })).rejects.toThrow(/different speaker set/);
  });
});

describe('learningRateAt', () => {
  it('warms up linearly, peaks, and decays to 2.5 % of the peak', () => {
    const o = { steps: 1000, learningRate: 1e-3 };
    expect(learningRateAt(0, o)).toBeCloseTo(1e-5, 12);
    expect(learningRateAt(99, o)).toBeCloseTo(1e-3, 12);
    expect(learningRateAt(550, o)).toBeLessThan(1e-3);
    expect(learningRateAt(1000, o)).toBeCloseTo(2.5e-5, 12);
  });
});
