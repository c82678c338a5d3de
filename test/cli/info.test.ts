// `voiceclone info` as a person runs it: real files from ../shared/data print every field; broken files print one line.
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { voiceclone } from '../support/cli';
import { sharedData } from '../support/shared-data';

const FIELDS = ['file', 'format', 'duration', 'sample rate', 'channels', 'speech', 'median F0', 'loudness', 'peak', 'noise floor', 'warnings'];

describe('voiceclone info', () => {
  it('prints every field for real recordings of each corpus', async () => {
    const files = ['vcc2016/eval/SM1/200005.flac', 'librispeech-subset/train-clean-100/19-198-0000.flac', 'fsdd/3_theo_12.flac'].map(sharedData);
    const { code, stdout, stderr } = await voiceclone(['info', ...files]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const blocks = stdout.trim().split('\n\n');
    expect(blocks).toHaveLength(3);
    for (const block of blocks) {
      const keys = block
        .split('\n')
        .filter((l) => !l.startsWith(' '))
        .map((l) => l.split(':')[0]);
      expect(keys).toEqual(FIELDS);
    }
    expect(blocks[2]).toMatch(/sample rate:\s+8000 Hz/);
    expect(blocks[0]).toMatch(/median F0:\s+\d+\.\d Hz/);
  });

  it('prints one JSON object per file with --json', async () => {
    const file = sharedData('vcc2016/train/SF1/100001.flac');
    const { code, stdout } = await voiceclone(['info', '--json', file]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.sampleRate).toBe(16000);
    expect(report.channels).toBe(1);
    expect(report.durationSeconds).toBeCloseTo(56314 / 16000, 3);
    expect(report.speechSeconds).toBeGreaterThan(1.5);
    expect(report.speechSeconds).toBeLessThanOrEqual(report.durationSeconds);
    // SF1 is a female speaker.
    expect(report.medianF0Hz).toBeGreaterThan(150);
    expect(report.medianF0Hz).toBeLessThan(320);
    expect(Number.isFinite(report.loudnessDbfs)).toBe(true);
  });

  it('fails with one readable line and a non-zero code on a corrupt file', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'vc-info-'));
    const good = readFileSync(sharedData('vcc2016/train/SF1/100001.flac'));
    const corrupt = path.join(dir, 'corrupt.flac');
    writeFileSync(corrupt, good.subarray(0, 300));
    const notAudio = path.join(dir, 'notes.wav');
    writeFileSync(notAudio, 'this is a text file, not a recording\n');
    for (const f of [corrupt, notAudio, path.join(dir, 'missing.wav')]) {
      const { code, stdout, stderr } = await voiceclone(['info', f]);
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toContain(f);
      expect(stderr).not.toMatch(/\bat .*\.ts:\d+/);
    }
  });

  it('rejects unknown options as a usage error', async () => {
    const { code, stderr } = await voiceclone(['info', '--bogus', 'x.wav']);
    expect(code).toBe(2);
    expect(stderr).toContain('--bogus');
  });
});
