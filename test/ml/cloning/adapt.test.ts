// Speaker adaptation: how the clips are dealt into optimizer steps, and a short real adaptation on six VCC2016 SF3
// readings (held out of every training set): embedding-only trains on every clip, whole-model keeps one out to stop on.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadClip } from '../../../ml/audio/load';
import { initBackend, tf } from '../../../ml/backend';
import { adaptVoice, CLIPS_PER_STEP, keepShareOfChange, meanSpeaker, prepareAdaptation, stepBatches, WHOLE_CHANGE_KEPT, type AdaptClip, type AdaptProgress } from '../../../ml/cloning/adapt';
import { makeBatch, ttsLosses } from '../../../ml/models/tts/train';
import { readVcc2016Transcripts } from '../../../ml/data/vcc2016-transcripts';
import { loadTts, type LoadedTts } from '../../../ml/models/tts/weights';
import { sharedData } from '../../support/shared-data';

describe('stepBatches', () => {
  it('gives all clips to every step when they fit in one', () => {
    expect(stepBatches([1, 2, 3])).toEqual([[1, 2, 3]]);
    expect(stepBatches([1, 2, 3, 4])).toEqual([[1, 2, 3, 4]]);
  });

  it('cycles through groups of CLIPS_PER_STEP, completing the last from the start', () => {
    expect(CLIPS_PER_STEP).toBe(4);
    const batches = stepBatches([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(batches).toEqual([
      [1, 2, 3, 4],
      [5, 6, 7, 8],
      [9, 1, 2, 3],
    ]);
    expect(new Set(batches.flat()).size).toBe(9);
  });
});

describe('adaptVoice', { timeout: 600_000 }, () => {
  let tts: LoadedTts;
  let clips: AdaptClip[];

  beforeAll(async () => {
    await initBackend();
    tts = await loadTts();
    const transcripts = readVcc2016Transcripts();
    const ids = ['100015', '100020', '100031', '100041', '100053', '100056'].filter((n) => transcripts.has(n));
    expect(ids).toHaveLength(6);
    clips = await Promise.all(ids.map(async (n) => ({ audio: (await loadClip(sharedData(`vcc2016/train/SF3/${n}.flac`))).audio, text: transcripts.get(n)!.text })));
  });

  it('fits an embedding from all 6 clips (more than one step holds them), reporting every step', async () => {
    const seen: AdaptProgress[] = [];
    const result = await adaptVoice(tts, clips, { method: 'adapt-embedding', steps: 6, onProgress: (p) => seen.push(p) });
    const steps = seen.filter((p) => p.step > 0).map((p) => p.step);
    expect(steps).toEqual([1, 2, 3, 4, 5, 6]);
    expect(seen.every((p) => p.total === 6)).toBe(true);
    expect(seen.filter((p) => p.step > 0).every((p) => Number.isFinite(p.loss) && Number.isFinite(p.secondsLeft))).toBe(true);
    expect(result.adapter).toBeNull();
    expect(result.heldOutLoss).toBeNull();
    expect([5, 6]).toContain(result.steps);
    // The kept step was judged on all 6 clips (both step batches), not on the one batch its step happened to train on.
    const utts = await prepareAdaptation(tts, clips, meanSpeaker(tts));
    const losses = stepBatches(utts).map((group) => {
      const batch = makeBatch(group, tts.config.nMels);
      return tf.tidy(() => ttsLosses(tts.weights, tts.config, batch, tf.tile(tf.tensor2d(result.embedding, [1, result.embedding.length]), [batch.size, 1]) as tf.Tensor2D).total.dataSync()[0]);
    });
    expect(losses).toHaveLength(2);
    expect(result.keptLoss).toBeCloseTo((losses[0] + losses[1]) / 2, 4);
    const start = meanSpeaker(tts);
    expect(result.embedding).toHaveLength(start.length);
    expect(result.embedding.some((v, i) => Math.abs(v - start[i]) > 1e-4)).toBe(true);
  });

  it('adapts the whole model from 3 clips, holding the last out and reporting its loss', async () => {
    const result = await adaptVoice(tts, clips.slice(0, 3), { method: 'adapt-whole', steps: 5 });
    expect(result.adapter).not.toBeNull();
    expect(result.heldOutLoss).not.toBeNull();
    expect(Number.isFinite(result.heldOutLoss)).toBe(true);
    expect(result.keptLoss).toBe(result.heldOutLoss);
    expect(result.steps).toBe(5);
    // The stored adapter has the trained shapes and moved away from the trained output layer.
    for (const [k, t] of Object.entries(result.adapter!)) {
      const trained = tts.weights[k].dataSync();
      expect(t.shape).toEqual(tts.weights[k].shape);
      expect(t.data.every(Number.isFinite)).toBe(true);
      if (k === 'decoderOutW') expect(t.data.some((x, i) => x !== trained[i])).toBe(true);
    }
  });
});

describe('keepShareOfChange', () => {
  it('keeps the given share of the way from the trained weights to the fitted ones', () => {
    const trained = { w: tf.tensor1d([1, 2, -4]) };
    const kept = keepShareOfChange(trained, { w: { shape: [3], data: Float32Array.from([3, 2, 0]) } }, WHOLE_CHANGE_KEPT);
    expect(WHOLE_CHANGE_KEPT).toBe(0.5);
    expect(Array.from(kept.w.data)).toEqual([2, 2, -2]);
    expect(kept.w.shape).toEqual([3]);
    trained.w.dispose();
  });
});
