// Tests for the engine facade with the shipped models: voice listing, deterministic watermarked synthesis and checking
// files for the mark, cloning by adaptation from real held-out speech (VCC2016 SF3), cancelling, and the voice library.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ClipInput, VoiceEngine } from '../../ml/api';
import { decodeAudioBytes } from '../../ml/audio/decode';
import { toMono } from '../../ml/audio/resample';
import { createEngine } from '../../ml/engine';
import { detect } from '../../ml/watermark/detect';
import { voicePayload } from '../../ml/watermark/payload';
import { readVcc2016Transcripts } from '../../ml/data/vcc2016-transcripts';
import { sharedData } from '../support/shared-data';
import { tempDir } from './audio/fixtures';

let engine: VoiceEngine;
let clips: ClipInput[];

beforeAll(async () => {
  engine = await createEngine({ libraryDir: tempDir('engine-lib'), adaptSteps: 5, checkConsent: false });
  const transcripts = readVcc2016Transcripts();
  clips = ['100015', '100020', '100031'].map((n) => ({
    name: `SF3_${n}.flac`,
    bytes: new Uint8Array(readFileSync(sharedData(`vcc2016/train/SF3/${n}.flac`))),
    text: transcripts.get(n)!.text,
  }));
});

async function monoOf(wav: Uint8Array) {
  const d = await decodeAudioBytes(wav, 'out.wav');
  return { samples: toMono(d.channels), sampleRate: d.sampleRate };
}

describe('engine voices and synthesis', { timeout: 600_000 }, () => {
  it('lists the nine built-in voices first', async () => {
    const voices = await engine.listVoices();
    expect(voices.slice(0, 9).every((v) => v.builtin && v.method === 'trained')).toBe(true);
    expect(voices.map((v) => v.id)).toContain('synth-slt');
    expect(voices.map((v) => v.id)).not.toContain('allison');
  });

  it('speaks deterministically, into a watermarked WAV carrying the voice', async () => {
    const text = 'Please call Stella. Ask her to bring these things with her from the store.';
    const a = await engine.synthesize('vcc-tm1', text);
    const b = await engine.synthesize('vcc-tm1', text);
    expect(Buffer.from(a.wav).equals(Buffer.from(b.wav))).toBe(true);
    expect(a.sampleRate).toBe(16000);
    expect(a.seconds).toBeGreaterThan(2);
    const found = detect(await monoOf(a.wav));
    expect(found.present).toBe(true);
    expect(found.payload).toEqual(voicePayload('vcc-tm1'));
    const checked = await engine.checkWatermark({ name: 'said.wav', bytes: a.wav });
    expect(checked).toMatchObject({ name: 'said.wav', present: true, voiceHash: voicePayload('vcc-tm1').voiceHash });
    expect(checked.voice?.id).toBe('vcc-tm1');
    expect(checked.confidence).toBeGreaterThan(0.99);
  });

  it('finds no mark in a real recording and refuses a file that is not audio', async () => {
    const real = await engine.checkWatermark({ name: 'SF3.flac', bytes: clips[0].bytes });
    expect(real).toMatchObject({ present: false, voiceHash: null, voice: null });
    await expect(engine.checkWatermark({ name: 'notes.txt', bytes: new TextEncoder().encode('hello') })).rejects.toMatchObject({ code: 'NOT_AUDIO' });
  });

  it('refuses unknown voices and empty text with readable errors', async () => {
    await expect(engine.synthesize('no-such-voice', 'Hello.')).rejects.toThrow(/no-such-voice|not found|No voice/i);
    await expect(engine.synthesize('vcc-sf1', '   ')).rejects.toMatchObject({ code: 'TEXT_INVALID' });
  });
});

describe('engine consent', { timeout: 600_000 }, () => {
  it('clones only with a consent statement by the same speaker, and keeps it with the voice', async () => {
    const strict = await createEngine({ libraryDir: tempDir('engine-consent'), adaptSteps: 2 });
    const statement = await strict.consentStatement('Sam Fisher');
    expect(statement).toMatch(/^I, Sam Fisher, agree that this app may create a synthetic copy of my voice on \w+ \d+, \d{4}\.$/);
    const consentOf = (spk: string) => ({ name: 'consent.flac', bytes: new Uint8Array(readFileSync(sharedData(`vcc2016/train/${spk}/100053.flac`))), text: statement });
    await expect(strict.clone({ jobId: 'n', name: 'x', method: 'adapt-embedding', clips }, () => {})).rejects.toMatchObject({ code: 'CONSENT_MISSING' });
    await expect(strict.clone({ jobId: 'o', name: 'x', method: 'adapt-embedding', clips, consent: consentOf('TM3') }, () => {})).rejects.toMatchObject({ code: 'CONSENT_REJECTED' });
    const voice = await strict.clone({ jobId: 'y', name: 'Sam', method: 'adapt-embedding', clips, consent: consentOf('SF3') }, () => {});
    const exported = await strict.exportVoice(voice.id);
    expect(Buffer.from(exported).includes(Buffer.from(statement))).toBe(true);
  });
});

describe('engine cloning', { timeout: 600_000 }, () => {
  it('adapts an embedding from three clips with text and speaks with the new voice', async () => {
    const progress: number[] = [];
    const voice = await engine.clone({ jobId: 'j1', name: 'SF3 test', method: 'adapt-embedding', clips }, (p) => progress.push(p.step));
    expect(voice.method).toBe('adapt-embedding');
    expect(voice.figures.clips).toBe(3);
    expect(Number.isFinite(voice.figures.similarity)).toBe(true);
    expect(progress.length).toBeGreaterThan(3);
    expect((await engine.listVoices()).map((v) => v.id)).toContain(voice.id);
    const said = await engine.synthesize(voice.id, 'A new voice speaks.');
    expect(detect(await monoOf(said.wav)).payload).toEqual(voicePayload(voice.id));
    expect((await engine.checkWatermark({ name: 'said.wav', bytes: said.wav })).voice).toEqual({ id: voice.id, name: 'SF3 test' });
    const map = await engine.voiceMap();
    expect(map.find((p) => p.id === voice.id)).toBeDefined();
    expect(map.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))).toBe(true);
    // Its spectrum match, as a curve: 80 bands from low to high, loudness left to the model, something to see.
    const spectrum = await engine.voiceSpectrum(voice.id);
    expect(spectrum?.hz).toHaveLength(80);
    expect(spectrum!.hz.every((f, i) => i === 0 || f > spectrum!.hz[i - 1])).toBe(true);
    expect(Math.abs(spectrum!.db.reduce((a, b) => a + b, 0) / 80)).toBeLessThan(0.01);
    expect(Math.max(...spectrum!.db.map(Math.abs))).toBeGreaterThan(1);
    expect(await engine.voiceSpectrum('vcc-sf1')).toBeNull();
    await expect(engine.voiceSpectrum('no-such-voice')).rejects.toThrow(/no-such-voice|not found|No voice/i);
  });

  it('stores a whole-model adapter that changes the speech', async () => {
    const voice = await engine.clone({ jobId: 'j2', name: 'SF3 whole', method: 'adapt-whole', clips }, () => {});
    expect(voice.bytes).toBeGreaterThan(100_000);
    expect(await engine.voiceSpectrum(voice.id)).toBeNull(); // its own layers fit the spectrum
    const exported = await engine.exportVoice(voice.id);
    await engine.deleteVoice(voice.id);
    expect((await engine.listVoices()).map((v) => v.id)).not.toContain(voice.id);
    const back = await engine.importVoice(exported);
    expect(back.method).toBe('adapt-whole');
    expect((await engine.synthesize(back.id, 'Testing.')).seconds).toBeGreaterThan(0.3);
  });

  it('cancels adaptation within a second and keeps the library as it was', async () => {
    const before = (await engine.listVoices()).map((v) => v.id);
    const slow = await createEngine({ libraryDir: path.join(tempDir('engine-cancel')), adaptSteps: 400, checkConsent: false });
    let cancelledAt = 0;
    const job = slow.clone({ jobId: 'c1', name: 'never', method: 'adapt-whole', clips }, (p) => {
      if (p.step === 2 && cancelledAt === 0) {
        cancelledAt = performance.now();
        void slow.cancel('c1');
      }
    });
    await expect(job).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(performance.now() - cancelledAt).toBeLessThan(1000);
    expect((await slow.listVoices()).filter((v) => !v.builtin)).toEqual([]);
    expect((await engine.listVoices()).map((v) => v.id)).toEqual(before);
  });
});
