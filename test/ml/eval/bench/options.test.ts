// Bench options from command-line arguments: defaults, --quick, overrides on top of --quick, and readable refusals.
import { describe, expect, it } from 'vitest';
import { DEFAULT_BENCH_OPTIONS, parseBenchArgs, QUICK_BENCH_OPTIONS, validateBenchOptions } from '../../../../ml/eval/bench/options';

describe('parseBenchArgs', () => {
  it('gives the full bench without arguments', () => {
    expect(parseBenchArgs([])).toEqual(DEFAULT_BENCH_OPTIONS);
  });

  it('gives the quick run with --quick: 2 speakers, N 1 and 5, all methods, 5 steps, 2 sentences', () => {
    const o = parseBenchArgs(['--quick']);
    expect(o).toEqual(QUICK_BENCH_OPTIONS);
    expect(o.speakers).toHaveLength(2);
    expect(o.samples).toEqual([1, 5]);
    expect(o.methods).toEqual(['encode', 'adapt-embedding', 'adapt-whole']);
    expect([o.adaptSteps, o.sentences]).toEqual([5, 2]);
  });

  it('takes the number of worker processes, 1 to 16', () => {
    expect(parseBenchArgs(['--workers', '3']).workers).toBe(3);
    expect(parseBenchArgs([]).workers).toBeGreaterThanOrEqual(1);
    expect(() => parseBenchArgs(['--workers', '0'])).toThrow(/--workers takes whole numbers from 1 to 16/);
    expect(() => validateBenchOptions({ ...DEFAULT_BENCH_OPTIONS, workers: 1.5 })).toThrow(/Workers must be/);
  });

  it('lets flags override --quick and sorts N and methods', () => {
    const o = parseBenchArgs(['--quick', '--samples', '3,1,3', '--methods', 'adapt-whole,encode', '--adapt-steps', '7', '--out', '/tmp/x', '--speakers', 'vcc2016:TF2,librispeech-subset:19']);
    expect(o.samples).toEqual([1, 3]);
    expect(o.methods).toEqual(['encode', 'adapt-whole']);
    expect(o.adaptSteps).toBe(7);
    expect(o.out).toBe('/tmp/x');
    expect(o.speakers).toEqual(['vcc2016:TF2', 'librispeech-subset:19']);
  });

  it('takes the Harvard sentences, up to 50, on which the TTS issue defines intelligibility', () => {
    const o = parseBenchArgs(['--sentence-set', 'harvard', '--sentences', '50']);
    expect([o.sentenceSet, o.sentences]).toEqual(['harvard', 50]);
    expect(parseBenchArgs([]).sentenceSet).toBe('vcc2016');
    expect(() => parseBenchArgs(['--sentence-set', 'harvard', '--sentences', '51'])).toThrow(/--sentences takes whole numbers from 1 to 50/);
    expect(() => parseBenchArgs(['--sentence-set', 'timit'])).toThrow(/--sentence-set takes vcc2016 or harvard, not "timit"/);
    expect(() => validateBenchOptions({ ...DEFAULT_BENCH_OPTIONS, sentences: 6 })).toThrow(/from 1 to 5 for the vcc2016 set/);
  });

  it('refuses bad values with one readable line', () => {
    expect(() => parseBenchArgs(['--samples', '0'])).toThrow(/--samples takes whole numbers from 1 to 50/);
    expect(() => parseBenchArgs(['--samples', '2.5'])).toThrow(/--samples/);
    expect(() => parseBenchArgs(['--methods', 'encode,voice-conversion'])).toThrow(/Methods must be some of/);
    expect(() => parseBenchArgs(['--speakers', 'vcc2016:SF3'])).toThrow(/at least 2 speakers/);
    expect(() => parseBenchArgs(['--speakers', 'vcc2016:SF3,vctk:p225'])).toThrow(/"vctk:p225" is not/);
    expect(() => parseBenchArgs(['--speakers', 'vcc2016:SF3,vcc2016:SF3'])).toThrow(/listed twice/);
    expect(() => parseBenchArgs(['--adapt-steps', '0'])).toThrow(/--adapt-steps/);
    expect(() => parseBenchArgs(['--sentences', '6'])).toThrow(/--sentences/);
    expect(() => parseBenchArgs(['--bogus'])).toThrow(/Unknown option.*Usage: npm run eval/);
  });

  it('validates options made in code the same way', () => {
    expect(() => validateBenchOptions({ ...DEFAULT_BENCH_OPTIONS, out: ' ' })).toThrow(/output folder/);
    expect(() => validateBenchOptions({ ...DEFAULT_BENCH_OPTIONS, methods: [] })).toThrow(/Methods/);
  });
});
