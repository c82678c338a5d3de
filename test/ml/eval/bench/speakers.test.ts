// The bench's speaker material from the real shared data: cloning clips never overlap the enrolled recordings, VCC
// speakers have parallel readings of the synthesis sentences, LibriSpeech clips get pocketsphinx text, FSDD takes their digits.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSharedData } from '../../../../ml/data/corpora/shared-data';
import { MAX_SENTENCES } from '../../../../ml/eval/bench/options';
import { synthesisSentences } from '../../../../ml/eval/bench/sentences';
import { defaultSpeakerKeys, loadBenchSpeaker, type SpeakerContext } from '../../../../ml/eval/bench/speakers';
import { sharedDataRoot } from '../../../support/shared-data';

sharedDataRoot();
const tmp = mkdtempSync(path.join(os.tmpdir(), 'bench-speakers-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const synthesis = synthesisSentences(MAX_SENTENCES);
const ctx: SpeakerContext = {
  corpus: readSharedData(),
  asrCacheDir: path.join(tmp, 'asr'),
  scratchDir: path.join(tmp, 'scratch'),
  synthesisIds: new Set(synthesis.map((s) => s.id)),
};

describe('defaultSpeakerKeys', () => {
  it('is the 4 held-out VCC2016 speakers and 3 female + 3 male held-out LibriSpeech speakers with 3+ cloning clips', async () => {
    const keys = await defaultSpeakerKeys(ctx.corpus);
    expect(keys.slice(0, 4)).toEqual(['vcc2016:SF3', 'vcc2016:SM2', 'vcc2016:TF2', 'vcc2016:TM3']);
    const libri = keys.slice(4).map((k) => k.split(':')[1]);
    expect(libri).toHaveLength(6);
    const gender = new Map(ctx.corpus.utterances.map((u) => [u.speaker, u.gender]));
    expect(libri.map((s) => gender.get(s))).toEqual(['F', 'F', 'F', 'M', 'M', 'M']);
    for (const key of keys.slice(4)) expect((await loadBenchSpeaker(key, ctx)).maxClips).toBeGreaterThanOrEqual(3);
  });
});

describe('loadBenchSpeaker', () => {
  it('gives a VCC2016 speaker transcribed training clips, held-back eval enrollment and parallel readings', async () => {
    const s = await loadBenchSpeaker('vcc2016:SF3', ctx);
    expect(s.seenInTraining).toEqual([]);
    expect(s.maxClips).toBeGreaterThanOrEqual(10);
    expect(s.enrollment).toHaveLength(5);
    const clips = await s.cloneClips(3);
    expect(clips.map((c) => c.id)).toEqual(clips.map((c) => c.id).sort());
    expect((await s.cloneClips(1))[0].id).toBe(clips[0].id);
    for (const c of clips) {
      expect(c.id).toMatch(/^SF3_1\d{5}$/);
      expect(c.text.split(' ').length).toBeGreaterThan(0);
    }
    for (const e of s.enrollment) {
      expect(e.id).toMatch(/^SF3_2\d{5}$/);
      expect(ctx.synthesisIds.has(e.id.split('_')[1])).toBe(false);
    }
    for (const sentence of synthesis) expect(s.parallel(sentence.id)).toMatch(new RegExp(`eval/SF3/${sentence.id}\\.flac$`));
    await expect(s.cloneClips(s.maxClips + 1)).rejects.toThrow(/cloning clips/);
  });

  it('says which models trained on a speaker that is not held out', async () => {
    expect((await loadBenchSpeaker('vcc2016:SF1', ctx)).seenInTraining).toEqual(['TTS model', 'speaker encoder', 'speaker verifier']);
  });

  it('cuts a LibriSpeech speaker into segments, holds back the last, and transcribes the rest with pocketsphinx', async () => {
    const key = 'librispeech-subset:1088'; // held out; its 9.6 s recording gives 2 cloning clips
    const s = await loadBenchSpeaker(key, ctx);
    expect(s.enrollment).toHaveLength(1);
    expect(s.maxClips).toBeGreaterThanOrEqual(2);
    expect(s.parallel(synthesis[0].id)).toBeNull();
    const clips = await s.cloneClips(2);
    expect(clips.map((c) => c.id)).not.toContain(s.enrollment[0].id);
    expect(clips.some((c) => c.text.split(' ').length >= 2)).toBe(true);
  });

  it('gives an FSDD speaker whole takes of the ten digits with their words, and marks it as seen by the verifier', async () => {
    const s = await loadBenchSpeaker('fsdd:george', ctx);
    expect(s.seenInTraining).toEqual(['speaker verifier']);
    expect(s.enrollment.length).toBeGreaterThan(0);
    for (const e of s.enrollment) expect(e.audio.samples.length / e.audio.sampleRate).toBeGreaterThan(2);
    expect(s.enrollment.map((e) => e.id)).toEqual(['george_take0', 'george_take1', 'george_take2']);
    expect(s.maxClips).toBe(45);
    const clips = await s.cloneClips(2);
    expect(clips.map((c) => c.id)).toEqual(['george_take5', 'george_take6']);
    for (const c of clips) {
      expect(c.text).toBe('zero one two three four five six seven eight nine');
      expect(c.audio.samples.length / c.audio.sampleRate).toBeGreaterThan(2);
    }
  });

  it('refuses a speaker it has no recordings of', async () => {
    await expect(loadBenchSpeaker('vcc2016:XX9', ctx)).rejects.toThrow(/no recordings/);
  });
});
