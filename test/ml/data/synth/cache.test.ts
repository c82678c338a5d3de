// Tests for the corpus cache encoding: Int16-quantized log-mel round-trips within half a step, a truncated file is
// refused, and a manifest line cut short by a crash is skipped.

import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST_FILE, MEL_QUANT_STEP, decodeMel, encodeMel, readManifestItems } from '../../../../ml/data/synth/cache';

describe('log-mel cache encoding', () => {
  it('round-trips within half a quantization step', () => {
    const data = Float32Array.from({ length: 80 * 7 }, (_, i) => -11.5 + (i * 0.0371) % 18);
    const back = decodeMel(encodeMel({ frames: 7, nMels: 80, data }), 7, 80);
    for (let i = 0; i < data.length; i++) expect(Math.abs(back.data[i] - data[i])).toBeLessThanOrEqual(MEL_QUANT_STEP / 2 + 1e-6);
  });

  it('refuses a file of the wrong size', () => {
    const bytes = encodeMel({ frames: 2, nMels: 80, data: new Float32Array(160) });
    expect(() => decodeMel(bytes.subarray(0, 100), 2, 80)).toThrow(/expected 320/);
  });
});

describe('readManifestItems', () => {
  it('skips a last line cut short', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'synth-manifest-'));
    writeFileSync(path.join(dir, MANIFEST_FILE), `${JSON.stringify({ id: 'a' })}\n${JSON.stringify({ id: 'b' })}\n{"id": "c", "te`);
    expect(readManifestItems(dir).map((i) => i.id)).toEqual(['a', 'b']);
  });
});
