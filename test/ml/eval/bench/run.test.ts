// The bench end to end in quick mode (2 VCC2016 speakers, N 1 and 5, every method, 5 adaptation steps, 2 sentences)
// with the shipped models: the results file, the report's structure and provenance, finite figures, and resuming.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUICK_BENCH_OPTIONS } from '../../../../ml/eval/bench/options';
import { REPORT_FILE, RESULTS_FILE, runBench, type BenchResults } from '../../../../ml/eval/bench/run';
import { sharedDataRoot } from '../../../support/shared-data';

sharedDataRoot();
const out = mkdtempSync(path.join(os.tmpdir(), 'bench-quick-'));
let results: BenchResults;
let written: BenchResults;
let report: string;

beforeAll(async () => {
  results = await runBench({ ...QUICK_BENCH_OPTIONS, out, workers: 2 });
  written = JSON.parse(readFileSync(path.join(out, RESULTS_FILE), 'utf8')) as BenchResults;
  report = readFileSync(path.join(out, REPORT_FILE), 'utf8');
}, 900_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Keys whose value may be null: figures a cell cannot have (no voiced overlap, encoding has no steps, no encoder). */
const NULLABLE = new Set(['f0RmseHz', 'heldOutLoss', 'adaptSteps', 'encoder', 'step', 'note']);

function checkFigures(value: unknown, where: string, problems: string[]): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) problems.push(`${where} = ${value}`);
  } else if (Array.isArray(value)) {
    value.forEach((v, k) => checkFigures(v, `${where}[${k}]`, problems));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (v === null && !NULLABLE.has(k)) problems.push(`${where}.${k} is null`);
      checkFigures(v, `${where}.${k}`, problems);
    }
  }
}

describe('runBench --quick', () => {
  it('writes results.json holding what it returned', () => {
    expect(written.aggregates).toEqual(results.aggregates);
    expect(written.cells.length).toBe(results.cells.length);
  });

  it('measures every available method for both speakers at N 1 and 5, and says why encode is missing when it is', () => {
    const available = results.methods.filter((m) => m.available).map((m) => m.method);
    expect(available).toEqual(expect.arrayContaining(['adapt-embedding', 'adapt-whole']));
    expect(results.cells).toHaveLength(2 * 2 * available.length);
    expect(results.aggregates.map((a) => `${a.method}/${a.n}`)).toEqual(available.flatMap((m) => [`${m}/1`, `${m}/5`]));
    const encode = results.methods.find((m) => m.method === 'encode')!;
    if (!encode.available) {
      expect(encode.note).toMatch(/No usable speaker encoder/);
      expect(results.notes).toContain(encode.note);
      expect(results.skipped.filter((s) => s.method === 'encode')).toHaveLength(4);
      expect(report).toContain('encode (unavailable)');
    }
    for (const c of results.cells) {
      expect(c.utterances).toHaveLength(2);
      expect(c.clipIds).toHaveLength(c.n);
    }
  });

  it('gives every figure as a finite number, in range', () => {
    const problems: string[] = [];
    checkFigures(written, 'results', problems);
    expect(problems).toEqual([]);
    for (const a of results.aggregates) {
      expect(a.eer).toBeGreaterThanOrEqual(0);
      expect(a.eer).toBeLessThanOrEqual(1);
      expect(a.accuracy).toBeGreaterThanOrEqual(0);
      expect(a.accuracy).toBeLessThanOrEqual(1);
      expect(a.mcdDb).toBeGreaterThan(0); // both speakers are VCC2016: every utterance has a real parallel reading
      expect(a.cloneSeconds).toBeGreaterThan(0);
      expect(a.sameTrials).toBe(a.utterances * 5);
      expect(a.differentTrials).toBe(a.utterances * 5);
      // 64 float32 of embedding; the other methods' 80-band spectrum match, or whole-model adaptation's layers.
      if (a.method === 'adapt-whole') expect(a.bytes).toBeGreaterThan(576);
      else expect(a.bytes).toBe(256 + 320);
    }
    expect(results.realReference?.speakers).toEqual(['vcc2016:SF3', 'vcc2016:SM2']);
    // The TTS model's built-in voices of its six VCC2016 training speakers, against those speakers' real readings.
    expect(results.trainedReference?.speakers).toEqual(['vcc2016:SF1', 'vcc2016:SF2', 'vcc2016:TF1', 'vcc2016:SM1', 'vcc2016:TM1', 'vcc2016:TM2']);
    expect(results.trainedReference?.utterances).toBe(6 * 2);
    // flite slt on the same two sentences: the intelligibility baseline.
    expect(results.fliteReference.referenceWords).toBe(results.sentences.reduce((n, s) => n + s.text.split(' ').length, 0));
    expect(results.fliteReference.wer).toBeLessThan(1);
  });

  it('writes a self-contained report with the charts and where the figures came from', () => {
    expect(report).not.toMatch(/<script|<link|src="http|href="http/i);
    expect((report.match(/<svg /g) ?? []).length).toBe(5);
    expect(report).toContain('TTS trained voices');
    expect(report).toContain('Over only the speakers measured at every N');
    expect(report).toContain('flite -voice slt');
    for (const title of ['Speaker verification EER of clones', 'EER of clones, speakers measured at every N', 'Speaker classification accuracy of clones', 'Cloning time', 'Bytes per voice']) {
      expect(report).toContain(title);
    }
    expect(report).toContain(results.models.tts.version);
    expect(report).toContain(results.backend.name);
    expect(report).toContain(`${results.machine.cores} cores`);
    expect(report).toContain(results.writtenAt);
    expect(report).toContain(`format v${results.models.verifier.formatVersion}`);
  });

  it('measures every cell in this run, in two worker processes', () => {
    expect(results.timing.workers).toBe(2);
    expect(results.timing.measuredCells).toBe(results.cells.length);
    expect(results.timing.cachedCells).toBe(0);
  });

  it("names the encoder by its weights' checksum, so retrained weights at the same step are measured again", () => {
    const shipped = JSON.parse(readFileSync(path.resolve('assets/encoder/model.json'), 'utf8')) as { sha256: string };
    expect(results.models.encoder?.sha256).toBe(shipped.sha256);
  });

  it('resumes from its cache: a second run, in this process alone, measures nothing and gives the same figures', async () => {
    const again = await runBench({ ...QUICK_BENCH_OPTIONS, out, workers: 1 });
    expect(again.timing.workers).toBe(1);
    expect(again.timing.measuredCells).toBe(0);
    expect(again.timing.cachedCells).toBe(results.cells.length);
    expect(again.aggregates).toEqual(results.aggregates);
  }, 300_000);
});
