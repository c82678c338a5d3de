// Tests for log-mel inversion: the non-negative filterbank inverse, Griffin-Lim convergence and determinism on real
// VCC2016 speech, and a flite sentence that pocketsphinx still recognizes after wav → logMel → Griffin-Lim → wav.

import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MEL } from '../../../ml/audio/config';
import { stftMagnitude } from '../../../ml/audio/fft';
import { griffinLim, melToAudio, melToLinear } from '../../../ml/audio/griffinlim';
import { logMel, melFilterbank } from '../../../ml/audio/mel';
import type { MonoAudio } from '../../../ml/audio/types';
import { writeWav16 } from '../../../ml/audio/wav';
import { recognize, wordEditDistance } from '../../../ml/eval/asr';
import { readMono, sox, tempDir, VCC_FILE } from './fixtures';
import { sharedData } from '../../support/shared-data';

const BINS = MEL.nFft / 2 + 1;
let speech: MonoAudio;

beforeAll(async () => {
  const full = await readMono(sharedData(VCC_FILE));
  speech = { samples: full.samples.slice(0, 2 * MEL.sampleRate), sampleRate: full.sampleRate };
});

describe('melToLinear', () => {
  it('returns a non-negative spectrum whose mel projection reproduces the log-mel', () => {
    const mel = logMel(speech);
    const lin = melToLinear(mel);
    expect(lin.frames).toBe(mel.frames);
    expect(lin.bins).toBe(BINS);
    expect(Math.min(...lin.data)).toBeGreaterThanOrEqual(0);
    const fb = melFilterbank();
    let err = 0;
    let cells = 0;
    for (let t = 0; t < mel.frames; t++) {
      for (let m = 0; m < MEL.nMels; m++) {
        const target = mel.data[t * MEL.nMels + m];
        if (target < Math.log(10 * MEL.logFloor)) continue;
        let s = 0;
        for (let k = 0; k < BINS; k++) s += fb[m * BINS + k] * lin.data[t * BINS + k];
        err += Math.abs(Math.log(s + MEL.logFloor) - target);
        cells++;
      }
    }
    expect(err / cells).toBeLessThan(0.02);
  });

  it('rejects a log-mel with the wrong number of bands', () => {
    expect(() => melToLinear({ frames: 2, nMels: 40, data: new Float32Array(80) })).toThrow(expect.objectContaining({ code: 'BAD_ARGUMENT' }));
  });
});

describe('griffinLim', () => {
  it('recovers a signal whose STFT magnitude matches real speech (spectral convergence < 0.1)', () => {
    const target = stftMagnitude(speech.samples, MEL);
    const convergence = (iterations: number): number => {
      const y = griffinLim(target, MEL, iterations, 1);
      expect(y.length).toBe((target.frames - 1) * MEL.hopLength);
      const got = stftMagnitude(y, MEL);
      let num = 0;
      let den = 0;
      for (let i = 0; i < got.data.length; i++) {
        num += (target.data[i] - got.data[i]) ** 2;
        den += target.data[i] ** 2;
      }
      return Math.sqrt(num / den);
    };
    const random = convergence(0);
    const converged = convergence(60);
    expect(converged).toBeLessThan(0.1);
    expect(converged).toBeLessThan(random / 5);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const mel = logMel({ samples: speech.samples.slice(0, 8000), sampleRate: MEL.sampleRate });
    const a = melToAudio(mel, MEL, 5, 42).samples;
    const b = melToAudio(mel, MEL, 5, 42).samples;
    const c = melToAudio(mel, MEL, 5, 43).samples;
    expect(Array.from(b)).toEqual(Array.from(a));
    expect(Array.from(c)).not.toEqual(Array.from(a));
  });

  it('rejects a spectrogram that does not fit nFft and bad iteration counts', () => {
    expect(() => griffinLim({ frames: 3, bins: 100, data: new Float32Array(300) })).toThrow(expect.objectContaining({ code: 'BAD_ARGUMENT' }));
    expect(() => griffinLim({ frames: 3, bins: BINS, data: new Float32Array(3 * BINS) }, MEL, -1)).toThrow(
      expect.objectContaining({ code: 'BAD_ARGUMENT' }),
    );
  });
});

describe('melToAudio round trip', () => {
  const dir = tempDir('griffinlim');

  it.each([
    ['weather', 'The weather is very cold in the winter.'],
    ['hospital', 'Can you tell me where the nearest hospital is?'],
  ])('keeps a flite sentence (%s) recognizable by pocketsphinx, at most one word changed', async (name, text) => {
    const raw = path.join(dir, `${name}-flite.wav`);
    const original = path.join(dir, `${name}.wav`);
    const rebuilt = path.join(dir, `${name}-gl.wav`);
    execFileSync('flite', ['-voice', 'slt', '-t', text, '-o', raw]);
    sox(raw, '-r', String(MEL.sampleRate), '-c', '1', '-b', '16', original);
    const audio = await readMono(original);
    const out = melToAudio(logMel(audio));
    expect(out.sampleRate).toBe(MEL.sampleRate);
    await writeWav16(rebuilt, out);
    const before = (await recognize(original)).split(' ');
    const after = (await recognize(rebuilt)).split(' ');
    expect(before.length).toBeGreaterThan(3);
    expect(wordEditDistance(before, after), `before: "${before.join(' ')}", after: "${after.join(' ')}"`).toBeLessThanOrEqual(1);
  });
});
