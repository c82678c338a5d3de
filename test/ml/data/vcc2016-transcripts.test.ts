// Tests for the VCC2016 consensus transcript file: format round trip, malformed rows, and the committed file itself
// (216 rows, one per sentence found in ../shared/data/vcc2016, agreement in [0, 1], measured figures in the header).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readVcc2016, vcc2016SentenceId } from '../../../ml/data/corpora/vcc2016';
import {
  formatVcc2016Transcripts,
  parseVcc2016Transcripts,
  readVcc2016Transcripts,
  VCC2016_TRANSCRIPTS_FILE,
} from '../../../ml/data/vcc2016-transcripts';
import { sharedDataRoot } from '../../support/shared-data';

describe('vcc2016 transcript format', () => {
  it('round-trips rows through format and parse', () => {
    const rows = [
      { id: '100001', split: 'train' as const, text: 'hello world', agreement: 0.75 },
      { id: '200054', split: 'eval' as const, text: '', agreement: 1 },
    ];
    const text = formatVcc2016Transcripts(rows, ['a comment']);
    expect(text.startsWith('# a comment\nid\tsplit\ttext\tagreement\n')).toBe(true);
    expect(parseVcc2016Transcripts(text, 'x')).toEqual(rows);
  });

  it('rejects malformed rows with their line number', () => {
    expect(() => parseVcc2016Transcripts('100001\ttrain\thello\t1.5\n', 'f.tsv')).toThrow(/f.tsv line 1 /);
    expect(() => parseVcc2016Transcripts('# c\n100001\ttest\thello\t0.5\n', 'f.tsv')).toThrow(/line 2 /);
    expect(() => parseVcc2016Transcripts('100001\ttrain\thello\n', 'f.tsv')).toThrow(/line 1 /);
    expect(() => parseVcc2016Transcripts('abc\ttrain\thello\t0.5\n', 'f.tsv')).toThrow(/line 1 /);
  });

  it('reads a missing file as no transcripts', () => {
    expect(readVcc2016Transcripts('/nonexistent/transcripts.tsv').size).toBe(0);
  });
});

describe('committed vcc2016-transcripts.tsv', () => {
  it('has one well-formed row per VCC2016 sentence', () => {
    expect(fs.existsSync(VCC2016_TRANSCRIPTS_FILE)).toBe(true);
    const rows = [...readVcc2016Transcripts().values()];
    expect(rows).toHaveLength(216);
    const corpus = readVcc2016(path.join(sharedDataRoot(), 'vcc2016'));
    const ids = new Set(corpus.utterances.map(vcc2016SentenceId));
    expect(new Set(rows.map((r) => r.id))).toEqual(ids);
    expect(rows.filter((r) => r.split === 'train')).toHaveLength(162);
    for (const r of rows) {
      expect(r.agreement).toBeGreaterThanOrEqual(0);
      expect(r.agreement).toBeLessThanOrEqual(1);
      expect(r.split).toBe(r.id.startsWith('1') ? 'train' : 'eval');
    }
    expect(rows.filter((r) => r.text.split(' ').length >= 3).length).toBeGreaterThan(200);
  });

  it('states the measured agreement in its header', () => {
    const header = fs.readFileSync(VCC2016_TRANSCRIPTS_FILE, 'utf8').split('\n').filter((l) => l.startsWith('#'));
    const mean = Number(/agreement over 216 sentences: mean ([0-9.]+)/.exec(header.join('\n'))?.[1]);
    const rows = [...readVcc2016Transcripts().values()];
    expect(mean).toBeCloseTo(rows.reduce((s, r) => s + r.agreement, 0) / rows.length, 2);
  });
});
