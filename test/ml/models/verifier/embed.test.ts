// Verifier inference: scoring windows cover the clip, an utterance embedding is the renormalized mean of its windows,
// and real speech embeds to a unit vector; clips too short to judge are refused.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_RATE } from '../../../../ml/audio/config';
import { decodeAudioFile } from '../../../../ml/audio/decode';
import { initBackend, tf } from '../../../../ml/backend';
import { embedAudio, embedFile, embedMels, loadVerifier, printAudio, printFile, windowStarts } from '../../../../ml/models/verifier/embed';
import { initVerifierWeights, verifierForward, VERIFIER_CONFIG, WINDOW_FRAMES } from '../../../../ml/models/verifier/model';
import { applyProjection } from '../../../../ml/models/verifier/wccn';
import { saveVerifier, type LoadedVerifier } from '../../../../ml/models/verifier/weights';
import { sharedData } from '../../../support/shared-data';

let verifier: LoadedVerifier;

beforeAll(async () => {
  await initBackend();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'verifier-embed-'));
  await saveVerifier(dir, initVerifierWeights(VERIFIER_CONFIG, 2), { config: VERIFIER_CONFIG, calibration: null, durationWeights: null, training: {} });
  verifier = await loadVerifier(dir);
});

describe('windowStarts', () => {
  it('uses one window for short clips and 50 % overlap plus an end-aligned window for long ones', () => {
    expect(windowStarts(40)).toEqual([0]);
    expect(windowStarts(WINDOW_FRAMES)).toEqual([0]);
    expect(windowStarts(241)).toEqual([0, 64, 113]);
    expect(windowStarts(256)).toEqual([0, 64, 128]);
  });
});

describe('embedMels', () => {
  it('averages the window embeddings of a long clip and renormalizes', () => {
    const frames = 241;
    const data = tf.tidy(() => tf.randomNormal([frames * 80], -4, 2, 'float32', 3).dataSync() as Float32Array);
    const [e] = embedMels(verifier, [{ frames, nMels: 80, data }]);
    const windows = windowStarts(frames).map((s) =>
      tf.tidy(() => verifierForward(verifier.weights, tf.tensor3d(data.slice(s * 80, (s + WINDOW_FRAMES) * 80), [1, WINDOW_FRAMES, 80])).dataSync()),
    );
    const mean = windows[0].map((_, d) => windows.reduce((s, w) => s + w[d], 0));
    const norm = Math.hypot(...mean);
    e.forEach((v, d) => expect(v).toBeCloseTo(mean[d] / norm, 5));
  });

  it('maps utterance embeddings through the WCCN projection when the weights carry one', () => {
    const mel = { frames: 90, nMels: 80, data: tf.tidy(() => tf.randomNormal([90 * 80], -4, 2, 'float32', 8).dataSync() as Float32Array) };
    const [plain] = embedMels(verifier, [mel]);
    const projection = Float32Array.from({ length: 256 * 256 }, (_, k) => (Math.floor(k / 256) === k % 256 ? (k % 2 ? 3 : 1) : 0));
    const [mapped] = embedMels({ ...verifier, projection }, [mel]);
    const expected = applyProjection(projection, plain);
    expected.forEach((v, d) => expect(mapped[d]).toBeCloseTo(v, 6));
    expect(mapped).not.toEqual(plain);
  });

  it('gives the same embedding for a clip alone or batched with others', () => {
    const mk = (frames: number, seed: number) => ({ frames, nMels: 80, data: tf.tidy(() => tf.randomNormal([frames * 80], -4, 2, 'float32', seed).dataSync() as Float32Array) });
    const a = mk(300, 1);
    const b = mk(60, 2);
    const [alone] = embedMels(verifier, [a]);
    const [batched] = embedMels(verifier, [b, a, mk(128, 3)]).slice(1);
    alone.forEach((v, d) => expect(batched[d]).toBeCloseTo(v, 5));
  });
});

describe('embedFile / embedAudio', () => {
  it('embeds a real recording to a unit vector, the same from the file and from its samples', async () => {
    const fromFile = await embedFile(verifier, sharedData('vcc2016/train/SF1/100001.flac'));
    expect(fromFile).toHaveLength(256);
    expect(Math.hypot(...fromFile)).toBeCloseTo(1, 5);
    expect(fromFile.every(Number.isFinite)).toBe(true);
    const decoded = await decodeAudioFile(sharedData('vcc2016/train/SF1/100001.flac'));
    const fromSamples = embedAudio(verifier, { samples: decoded.channels[0], sampleRate: decoded.sampleRate });
    fromFile.forEach((v, d) => expect(fromSamples[d]).toBeCloseTo(v, 6));
  });

  it('prints carry the seconds of speech left after trimming, the same from the file and from its samples', async () => {
    const file = sharedData('vcc2016/train/SF1/100001.flac');
    const decoded = await decodeAudioFile(file);
    const fromFile = await printFile(verifier, file);
    const fromSamples = printAudio(verifier, { samples: decoded.channels[0], sampleRate: decoded.sampleRate });
    const total = decoded.channels[0].length / decoded.sampleRate;
    expect(fromFile.seconds).toBeGreaterThan(0.5);
    expect(fromFile.seconds).toBeLessThan(total);
    expect(fromSamples.seconds).toBeCloseTo(fromFile.seconds, 3);
    expect(Array.from(fromFile.embedding)).toEqual(Array.from(await embedFile(verifier, file)));
  });

  it('refuses near-silent or too-short audio', () => {
    const blip = { samples: new Float32Array(0.1 * SAMPLE_RATE).fill(0.1), sampleRate: SAMPLE_RATE };
    expect(() => embedAudio(verifier, blip)).toThrow(/speech/);
  });
});
