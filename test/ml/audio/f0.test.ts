// Tests for YIN F0 and voicing: synthetic tones and a sawtooth, silence and noise, espeak-ng speech pitch-shifted by
// sox by a known ratio, and agreement with an independent tracker (aubio's yinfft, Debian package aubio-tools).

import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { estimateF0, medianF0 } from '../../../ml/audio/f0';
import type { MonoAudio } from '../../../ml/audio/types';
import { readMono, sox, tempDir, tone, whiteNoise } from './fixtures';

const SR = 16000;
const voicedShare = (f0: Float32Array): number => f0.filter((v) => v > 0).length / f0.length;

describe('estimateF0 on synthetic signals', () => {
  it.each([80, 110, 220, 440])('finds a %d Hz sine within 2 %% and calls it voiced', (hz) => {
    const audio = { samples: tone(hz, SR, 1), sampleRate: SR };
    const track = estimateF0(audio);
    expect(voicedShare(track.f0)).toBeGreaterThan(0.95);
    expect(Math.abs(medianF0(audio)! - hz) / hz).toBeLessThan(0.02);
  });

  it('finds the fundamental of a harmonic-rich 150 Hz sawtooth within 2 %', () => {
    const samples = Float32Array.from({ length: SR }, (_, i) => 0.8 * (((150 * i) / SR) % 1) - 0.4);
    expect(Math.abs(medianF0({ samples, sampleRate: SR })! - 150) / 150).toBeLessThan(0.02);
  });

  it('calls silence and white noise unvoiced', () => {
    const silence = estimateF0({ samples: new Float32Array(SR), sampleRate: SR });
    expect(voicedShare(silence.f0)).toBe(0);
    expect(Math.max(...silence.voicedProb)).toBe(0);
    const noise = { samples: whiteNoise(SR, 0.1, 5), sampleRate: SR };
    const track = estimateF0(noise);
    expect(voicedShare(track.f0)).toBeLessThan(0.05);
    expect(medianF0(noise)).toBeNull();
  });

  it('reports frames every 12.5 ms centered like the log-mel frames', () => {
    const track = estimateF0({ samples: tone(200, SR, 1), sampleRate: SR });
    expect(track.hopSeconds).toBeCloseTo(0.0125, 10);
    expect(track.f0.length).toBe(1 + SR / 200);
    expect(track.voicedProb.length).toBe(track.f0.length);
  });

  it('rejects an impossible range and empty audio', () => {
    const audio = { samples: tone(200, SR, 0.2), sampleRate: SR };
    expect(() => estimateF0(audio, { fMin: 300, fMax: 200 })).toThrow(expect.objectContaining({ code: 'BAD_ARGUMENT' }));
    expect(() => estimateF0({ samples: new Float32Array(0), sampleRate: SR })).toThrow(expect.objectContaining({ code: 'TOO_SHORT' }));
  });
});

describe('estimateF0 on espeak-ng speech', () => {
  const dir = tempDir('f0');
  const original = path.join(dir, 'speech.wav');
  const shifted = path.join(dir, 'shifted.wav');
  let speech: MonoAudio;

  beforeAll(async () => {
    const raw = path.join(dir, 'raw.wav');
    execFileSync('espeak-ng', ['-v', 'en-us', '-p', '30', '-s', '140', '-w', raw, 'The quick brown fox jumps over the lazy dog while we were waiting.']);
    sox(raw, '-r', String(SR), '-c', '1', '-b', '16', original);
    // +700 cents = 2^(7/12) in frequency, duration unchanged.
    sox(original, shifted, 'pitch', '700');
    speech = await readMono(original);
  });

  it('is mostly voiced, with the F0 ratio of a +7 semitone shift within 2 %', async () => {
    expect(voicedShare(estimateF0(speech).f0)).toBeGreaterThan(0.4);
    const ratio = medianF0(await readMono(shifted))! / medianF0(speech)!;
    expect(Math.abs(ratio / 2 ** (7 / 12) - 1)).toBeLessThan(0.02);
  });

  it('agrees within 2 % with the median of aubio yinfft (aubiopitch)', () => {
    let out: string;
    try {
      out = execFileSync('aubiopitch', ['-i', original, '-p', 'yinfft', '-B', '2048', '-H', '200', '-s', '-50'], { encoding: 'utf8' });
    } catch (e) {
      throw new Error(`This test needs aubiopitch from the Debian package aubio-tools: ${(e as Error).message.split('\n')[0]}`);
    }
    const reference = out
      .trim()
      .split('\n')
      .map((line) => Number(line.split(/\s+/)[1]))
      .filter((hz) => hz >= 50 && hz <= 600)
      .sort((a, b) => a - b);
    expect(reference.length).toBeGreaterThan(50);
    const aubioMedian = reference[reference.length >> 1];
    expect(Math.abs(medianF0(speech)! / aubioMedian - 1)).toBeLessThan(0.02);
  });
});
