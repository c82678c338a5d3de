// `voiceclone embed` and `voiceclone similarity` with the shipped verifier weights on real VCC2016 recordings:
// embeddings are 256-d unit vectors, and eval sentences of one speaker score above those of another.
import { describe, expect, it } from 'vitest';
import { voiceclone } from '../support/cli';
import { sharedData } from '../support/shared-data';

const evalFile = (speaker: string, n: number) => sharedData(`vcc2016/eval/${speaker}/2000${String(n).padStart(2, '0')}.flac`);

describe('voiceclone embed', () => {
  it('prints one JSON line per file with a 256-d unit embedding', async () => {
    const files = [evalFile('SF3', 1), sharedData('librispeech-subset/train-clean-100/19-198-0000.flac')];
    const { code, stdout, stderr } = await voiceclone(['embed', '--model', 'verifier', ...files]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.file)).toEqual(files);
    for (const { embedding } of lines) {
      expect(embedding).toHaveLength(256);
      expect(Math.hypot(...embedding)).toBeCloseTo(1, 4);
    }
  });

  it('reports a missing file in one line, keeps going, and rejects unknown models', async () => {
    const { code, stdout, stderr } = await voiceclone(['embed', '/no/such/file.wav', evalFile('SF3', 2)]);
    expect(code).toBe(1);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/no\/such\/file\.wav/);
    const bad = await voiceclone(['embed', '--model', 'wavlm', evalFile('SF3', 2)]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown --model "wavlm"/);
  });
});

describe('voiceclone similarity', () => {
  it('scores same-speaker eval sentences above different-speaker ones, with calibrated probabilities', async () => {
    // Single pairs overlap (the held-out EER is about 10 % on 3 s sentences), so compare means over four of each.
    const a = evalFile('SF3', 1);
    const same = [2, 3, 4, 5].map((n) => evalFile('SF3', n));
    const different = [evalFile('TF2', 2), evalFile('TM3', 3), evalFile('SM2', 4), evalFile('TF2', 5)];
    const { code, stdout, stderr } = await voiceclone(['similarity', '--json', a, ...same, ...different]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const rows = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(rows.map((r) => r.b)).toEqual([...same, ...different]);
    for (const r of rows) {
      expect(r.sameSpeakerProbability).toBeGreaterThanOrEqual(0);
      expect(r.sameSpeakerProbability).toBeLessThanOrEqual(1);
    }
    const mean = (xs: number[]) => xs.reduce((t, x) => t + x, 0) / xs.length;
    const cos = rows.map((r) => r.cosine as number);
    const prob = rows.map((r) => r.sameSpeakerProbability as number);
    expect(mean(cos.slice(0, 4))).toBeGreaterThan(mean(cos.slice(4)) + 0.15);
    expect(mean(prob.slice(0, 4))).toBeGreaterThan(0.5);
    expect(mean(prob.slice(4))).toBeLessThan(0.5);
  });

  it('prints readable blocks without --json and needs two files', async () => {
    const { code, stdout } = await voiceclone(['similarity', evalFile('SM2', 1), evalFile('SM2', 4)]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^a: .*\nb: .*\ncosine: +-?\d\.\d{4}\nsame speaker: +\d+\.\d %\n$/);
    const usage = await voiceclone(['similarity', evalFile('SM2', 1)]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/needs a reference file/);
  });
});
