// Tests for the speaker encoder on real speech (flite voices made at test time): training lowers the L1 error to its
// targets, checkpoints resume, and the encoding of a clip set does not depend on the order of the clips.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../../../ml/backend';
import { loadClip } from '../../../../ml/audio/load';
import { logMel, type LogMel } from '../../../../ml/audio/mel';
import { encodeSpeaker } from '../../../../ml/models/encoder/encode';
import { DEFAULT_ENCODER_TRAIN_OPTIONS, speakerMetric, trainEncoder, type EncoderSpeaker } from '../../../../ml/models/encoder/train';
import { initTtsWeights, ttsConfig } from '../../../../ml/models/tts/model';
import { tf } from '../../../../ml/backend';
import { loadEncoder } from '../../../../ml/models/encoder/weights';
import { tempDir } from '../../audio/fixtures';

const TEXTS = ['The birch canoe slid on the smooth planks.', 'Glue the sheet to the dark blue background.', 'It is easy to tell the depth of a well.'];
const VOICES = ['slt', 'rms', 'awb', 'kal'];
let speakers: EncoderSpeaker[];
let dir: string;

beforeAll(async () => {
  await initBackend();
  dir = tempDir('encoder-train');
  speakers = [];
  for (const [v, voice] of VOICES.entries()) {
    const clips: LogMel[] = [];
    for (const [i, text] of TEXTS.entries()) {
      const file = path.join(dir, `${voice}${i}.wav`);
      execFileSync('flite', ['-voice', voice, '-t', text, '-o', file]);
      clips.push(logMel((await loadClip(file)).audio));
    }
    speakers.push({ key: voice, clips, target: Float32Array.from({ length: 8 }, (_, d) => (d === v ? 1 : d === v + 4 ? -1 : 0)) });
  }
});

describe('trainEncoder', () => {
  it('fits its targets better with training, resumes, and ignores clip order', { timeout: 600_000 }, async () => {
    const lines: string[] = [];
    const opts = { ...DEFAULT_ENCODER_TRAIN_OPTIONS, steps: 30, speakersPerBatch: 4, maxClips: 3, cropFrames: 64, learningRate: 3e-3, checkpointEvery: 15, logEvery: 5, checkpointDir: path.join(dir, 'ckpt'), log: (l: string) => lines.push(l) };
    await trainEncoder({ train: speakers, validation: speakers }, 'tts-test', { ...opts, steps: 15 });
    await trainEncoder({ train: speakers, validation: speakers }, 'tts-test', { ...opts, resume: true });
    expect(lines).toContain('resumed at step 15');
    const l1 = lines.filter((l) => l.startsWith('step ')).map((l) => Number(/L1 (\S+)/.exec(l)![1]));
    expect(l1[l1.length - 1]).toBeLessThan(l1[0] * 0.8);
    const encoder = await loadEncoder(opts.checkpointDir);
    expect(encoder.ttsModelVersion).toBe('tts-test');
    const clips = speakers[0].clips;
    const a = encodeSpeaker(encoder, clips);
    const b = encodeSpeaker(encoder, [...clips].reverse());
    expect(a).toHaveLength(8);
    a.forEach((x, i) => expect(x).toBeCloseTo(b[i], 4));
    // A new run can start from those weights and mix rendered speakers into every batch.
    const next: string[] = [];
    const rendered = speakers.map((sp) => ({ ...sp, key: `rendered:${sp.key}` }));
    await trainEncoder({ train: speakers, validation: speakers, rendered }, 'tts-test', { ...opts, steps: 5, renderedShare: 0.5, initFrom: opts.checkpointDir, checkpointDir: path.join(dir, 'next'), log: (l: string) => next.push(l) });
    expect(next[0]).toMatch(/^fresh run from the weights in .*4 training, 4 rendered and 4 validation speakers$/);
    expect(Number(/L1 (\S+)/.exec(next.find((l) => l.startsWith('step '))!)![1])).toBeLessThan(l1[0]);
  });
});

describe('speakerMetric', () => {
  it('reads only the directions the TTS speaker projections use, at the raw L1 scale', () => {
    const weights = initTtsWeights(ttsConfig(3), 4);
    // Give every FiLM projection a single non-zero input row: only speaker dimension 2 matters.
    for (const [k, w] of Object.entries(weights)) {
      if (k.endsWith('FilmW')) w.assign(tf.tidy(() => tf.oneHot(tf.fill([w.shape[1] as number], 2, 'int32'), w.shape[0] as number).transpose().toFloat()) as tf.Tensor2D);
    }
    const m = speakerMetric(weights);
    const along = (dim: number) => tf.tidy(() => tf.mean(tf.abs(tf.matMul(tf.oneHot(tf.tensor1d([dim], 'int32'), 64).toFloat(), m))).dataSync()[0]);
    expect(along(5)).toBe(0);
    expect(along(2)).toBeGreaterThan(0);
  });
});
