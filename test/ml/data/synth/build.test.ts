// Tests for the corpus builder on a tiny real build (3 speakers × 2 utterances): items read back with text,
// phonemes, timings, log-mel and FLAC; a rerun resumes without rebuilding; one item's bytes repeat exactly.

import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeAudioFile } from '../../../../ml/audio/decode';
import { MEL } from '../../../../ml/audio/config';
import { buildSynthCorpus, planItems, type BuildOptions } from '../../../../ml/data/synth/build';
import { loadFeatures, readSynthManifest, synthAudioCorpus, type SynthManifest } from '../../../../ml/data/synth/cache';
import { loadSentences } from '../../../../ml/data/synth/sentences';
import { makeSpeakers } from '../../../../ml/data/synth/speakers';

const SEED = 3;
const root = mkdtempSync(path.join(os.tmpdir(), 'synth-build-'));
const options: BuildOptions = {
  outDir: path.join(root, 'a'),
  speakers: 3,
  utterancesPerSpeaker: 2,
  seed: SEED,
  jobs: 2,
  keepAudio: true,
};

describe('planItems', () => {
  it('gives each speaker distinct sentences, the same for the same seed', () => {
    const speakers = makeSpeakers(20, SEED);
    const plan = planItems(speakers, loadSentences(), 5, SEED);
    expect(plan.length).toBe(100);
    expect(new Set(plan.map((p) => p.id)).size).toBe(100);
    for (const s of speakers) expect(new Set(plan.filter((p) => p.speaker === s).map((p) => p.text)).size).toBe(5);
    expect(planItems(speakers, loadSentences(), 5, SEED)).toEqual(plan);
    expect(planItems(speakers, loadSentences(), 5, SEED + 1).map((p) => p.text)).not.toEqual(plan.map((p) => p.text));
  });
});

describe('buildSynthCorpus', () => {
  let manifest: SynthManifest;
  beforeAll(async () => {
    const result = await buildSynthCorpus(options);
    expect(result).toEqual({ total: 6, built: 6, skipped: 0 });
    manifest = readSynthManifest(options.outDir);
  });

  it('stores every item with text, phonemes, log-mel and audio', async () => {
    expect(manifest.config.speakers.map((s) => s.id)).toEqual(['spk0000', 'spk0001', 'spk0002']);
    expect(manifest.items.map((i) => i.id).sort()).toEqual(
      ['spk0000_u000', 'spk0000_u001', 'spk0001_u000', 'spk0001_u001', 'spk0002_u000', 'spk0002_u001'],
    );
    for (const item of manifest.items) {
      expect(loadSentences()).toContain(item.text);
      expect(item.phonemeIds.length).toBeGreaterThan(10);
      const mel = loadFeatures(manifest, item);
      expect(mel.nMels).toBe(MEL.nMels);
      expect(Math.abs(mel.frames - item.seconds * (MEL.sampleRate / MEL.hopLength))).toBeLessThan(3);
      expect(Math.max(...mel.data)).toBeGreaterThan(Math.min(...mel.data) + 5);
      const audio = await decodeAudioFile(path.join(manifest.dir, item.audioFile ?? ''));
      expect(audio.sampleRate).toBe(16000);
      expect(audio.channels[0].length / 16000).toBeCloseTo(item.seconds, 2);
      const engine = manifest.config.speakers.find((s) => s.id === item.speaker)?.base.engine;
      if (engine === 'espeak-ng') {
        expect(item.segments).toBeNull();
      } else {
        expect(Math.abs((item.segments?.at(-1)?.end ?? 0) - item.seconds)).toBeLessThan(0.5);
      }
    }
    const corpus = synthAudioCorpus(manifest);
    expect(corpus.speakers).toEqual(['spk0000', 'spk0001', 'spk0002']);
  });

  it('resumes without rebuilding finished items', async () => {
    expect(await buildSynthCorpus(options)).toEqual({ total: 6, built: 0, skipped: 6 });
    expect(readSynthManifest(options.outDir).items.length).toBe(6);
  });

  it('refuses to resume with a different seed', async () => {
    await expect(buildSynthCorpus({ ...options, seed: SEED + 1 })).rejects.toThrow(/seed 3/);
  });

  it('builds byte-identical features and audio for the same item in another run', async () => {
    const again = { ...options, outDir: path.join(root, 'b'), speakers: 1, utterancesPerSpeaker: 2, jobs: 1 };
    await buildSynthCorpus(again);
    const other = readSynthManifest(again.outDir);
    for (const item of other.items) {
      const first = manifest.items.find((i) => i.id === item.id);
      expect(first).toEqual(item);
      for (const file of [item.melFile, item.audioFile ?? '']) {
        expect(readFileSync(path.join(other.dir, file)).equals(readFileSync(path.join(manifest.dir, file)))).toBe(true);
      }
    }
  });
});
