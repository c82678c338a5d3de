// Encoder training material: blends stay between the rows they mix, the shipped TTS model renders log-mels whose
// target is the vector that spoke them, and recorded table speakers come with their own table row.
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../../../ml/backend';
import { readSharedData } from '../../../../ml/data/corpora/shared-data';
import { blendedVectors, recordedTableSpeakers, renderedSpeakers, sentenceTokens, tableRows } from '../../../../ml/models/encoder/material';
import { loadTts, type LoadedTts } from '../../../../ml/models/tts/weights';
import { seededRandom } from '../../../../ml/random';

let tts: LoadedTts;
beforeAll(async () => {
  await initBackend();
  tts = await loadTts();
});

describe('blendedVectors', () => {
  it('without noise, every blend lies on a segment between two of the rows', () => {
    const rows = [Float32Array.from([0, 0]), Float32Array.from([1, 0]), Float32Array.from([0, 1])];
    const blends = blendedVectors(rows, 50, 0, seededRandom(3));
    expect(blends).toHaveLength(50);
    for (const [x, y] of blends) {
      // Segments of the triangle (0,0)-(1,0)-(0,1): on an edge, so x = 0, y = 0 or x + y = 1.
      expect(Math.min(Math.abs(x), Math.abs(y), Math.abs(x + y - 1))).toBeLessThan(1e-6);
    }
    expect(() => blendedVectors(rows.slice(0, 1), 1, 0, seededRandom(1))).toThrow(/two/);
  });
});

describe('renderedSpeakers / recordedTableSpeakers', () => {
  it('renders log-mels of the given sentences for each vector, with that vector as the target', async () => {
    const rows = tableRows(tts);
    expect(rows).toHaveLength(tts.speakers.length);
    const tokens = await sentenceTokens(['The birch canoe slid on the smooth planks.', '!!!', 'Glue the sheet to the dark blue background.']);
    expect(tokens).toHaveLength(2);
    const [s] = renderedSpeakers(tts, [{ key: 'row0', vector: rows[0] }], tokens, 3, seededRandom(2));
    expect(s.target).toBe(rows[0]);
    expect(s.clips).toHaveLength(3);
    for (const c of s.clips) {
      expect(c.nMels).toBe(80);
      expect(c.frames).toBeGreaterThan(50);
      expect(c.data.every(Number.isFinite)).toBe(true);
    }
  }, 60_000);

  it('reads a table speaker from its recordings and pairs it with its own row', async () => {
    const utts = readSharedData().utterances.filter((u) => u.corpus === 'vcc2016' && u.speaker === 'SF1' && u.split === 'train');
    const [sf1] = await recordedTableSpeakers(tts, utts, 3, () => {});
    const index = tts.speakers.findIndex((s) => s.key === 'vcc2016:SF1');
    expect(sf1.key).toBe('vcc2016:SF1');
    expect(sf1.clips).toHaveLength(3);
    expect(Array.from(sf1.target)).toEqual(Array.from(tableRows(tts)[index]));
  }, 60_000);
});
