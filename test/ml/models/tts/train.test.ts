// Tests for TTS training on a tiny real dataset (flite speech made at test time): the loss falls when overfitting a
// batch, a checkpoint resumes at its step, synthesis from it is deterministic and finite, and it can be fine-tuned.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend, tf } from '../../../../ml/backend';
import { alignDurations } from '../../../../ml/models/tts/align';
import { buildTtsDataset, loadTtsDataset, saveTtsDataset, type TtsDataset } from '../../../../ml/models/tts/dataset';
import { tokensToMel } from '../../../../ml/models/tts/synthesize';
import { toTtsTokens } from '../../../../ml/models/tts/tokens';
import { DEFAULT_TTS_TRAIN_OPTIONS, trainTts } from '../../../../ml/models/tts/train';
import { loadTts } from '../../../../ml/models/tts/weights';
import { textToPhonemes } from '../../../../ml/text/g2p';
import { tempDir } from '../../audio/fixtures';

const SENTENCES = ['The birch canoe slid on the smooth planks.', 'Glue the sheet to the dark blue background.', 'It is easy to tell the depth of a well.'];
let data: TtsDataset;
let dir: string;

beforeAll(async () => {
  await initBackend();
  dir = tempDir('tts-train');
  const sources = SENTENCES.flatMap((text, i) =>
    ['slt', 'rms'].map((voice) => {
      const file = path.join(dir, `${voice}${i}.wav`);
      execFileSync('flite', ['-voice', voice, '-t', text, '-o', file]);
      return { id: `${voice}${i}`, speakerKey: `flite:${voice}`, corpus: 'flite', description: voice, path: file, text };
    }),
  );
  data = await buildTtsDataset(sources, () => {});
  alignDurations(data.utterances, 4).forEach((d, k) => (data.utterances[k].durations = d));
});

describe('TTS dataset', () => {
  it('keeps every clip, one speaker per voice, and round-trips through the cache', async () => {
    expect(data.utterances).toHaveLength(6);
    expect(data.speakers.map((s) => s.key)).toEqual(['flite:slt', 'flite:rms']);
    await saveTtsDataset(path.join(dir, 'data'), data);
    const back = loadTtsDataset(path.join(dir, 'data'));
    expect(back.utterances.map((u) => u.id)).toEqual(data.utterances.map((u) => u.id));
    expect(Array.from(back.utterances[2].durations!)).toEqual(Array.from(data.utterances[2].durations!));
    expect(Math.max(...back.utterances[2].mel.map((x, i) => Math.abs(x - data.utterances[2].mel[i])))).toBeLessThan(1e-3);
  });
});

describe('trainTts', () => {
  it('lowers the loss, checkpoints, resumes, and synthesizes deterministically', { timeout: 600_000 }, async () => {
    const lines: string[] = [];
    const opts = { ...DEFAULT_TTS_TRAIN_OPTIONS, steps: 24, batchSize: 3, learningRate: 3e-3, checkpointEvery: 12, logEvery: 4, checkpointDir: path.join(dir, 'ckpt'), log: (l: string) => lines.push(l) };
    await trainTts(data, { ...opts, steps: 12 });
    const resumed = await trainTts(data, { ...opts, resume: true });
    expect(resumed.step).toBe(24);
    expect(lines.some((l) => l.startsWith('resumed at step 12'))).toBe(true);
    const losses = lines.filter((l) => l.startsWith('step ')).map((l) => Number(/loss (\S+)/.exec(l)![1]));
    expect(losses[losses.length - 1]).toBeLessThan(losses[0] * 0.8);
    const tts = await loadTts(opts.checkpointDir);
    expect(tts.training.step).toBe(24);
    const tokens = toTtsTokens((await textToPhonemes('A new sentence.')).ids);
    const speaker = tf.tidy(() => tts.weights.speakerTable.slice([0, 0], [1, -1]).dataSync() as Float32Array);
    const a = tokensToMel(tts, tokens, speaker);
    const b = tokensToMel(tts, tokens, speaker);
    expect(a.frames).toBeGreaterThan(tokens.ids.length - 3);
    expect(a.data.every(Number.isFinite)).toBe(true);
    expect(Array.from(a.data)).toEqual(Array.from(b.data));

    // Fine-tuning starts from those weights at step 0 with a fresh optimizer and remembers where it came from.
    const ftLines: string[] = [];
    const ft = await trainTts(data, { ...opts, steps: 2, checkpointEvery: 2, initFrom: opts.checkpointDir, checkpointDir: path.join(dir, 'ft'), log: (l: string) => ftLines.push(l) });
    expect(ft.step).toBe(2);
    expect(ftLines[0]).toMatch(/^fine-tuning from/);
    const tuned = await loadTts(path.join(dir, 'ft'));
    expect(tuned.training.initFrom).toBe(tts.modelVersion);
    expect(tuned.modelVersion).toMatch(/^tts-\d{4}-\d\d-\d\d-s1-ft$/);
    const other = { ...data, speakers: data.speakers.slice(0, 1) };
    await expect(trainTts(other, { ...opts, initFrom: opts.checkpointDir, checkpointDir: path.join(dir, 'ft2') })).rejects.toThrow(/other speakers/);
  });
});
