// Verifier training streams from real recordings: one stream per speaker with its augmented copies, cached, and
// speed-perturbed copies that count as new speakers with proportionally fewer frames.
import { describe, expect, it } from 'vitest';
import { readLibriSpeechSubset } from '../../../../ml/data/corpora/librispeech-subset';
import { realSpeakerStreams } from '../../../../ml/models/verifier/dataset';
import { tempDir } from '../../audio/fixtures';
import { sharedData } from '../../../support/shared-data';

describe('verifier training streams', () => {
  const utterances = readLibriSpeechSubset(sharedData('librispeech-subset')).utterances.slice(0, 2);

  it('builds one stream per speaker, speed-perturbed speakers under their own key, and reads them back from the cache', async () => {
    const cacheDir = tempDir('verifier-streams');
    const plain = await realSpeakerStreams('libri', utterances, { cacheDir, augmentedVersions: 1, seed: 1 });
    const fast = await realSpeakerStreams('libri@1.25', utterances, { cacheDir, augmentedVersions: 1, seed: 1, speed: 1.25 });
    expect(plain.map((s) => s.key)).toEqual(utterances.map((u) => `librispeech-subset:${u.speaker}`));
    expect(fast.map((s) => s.key)).toEqual(utterances.map((u) => `librispeech-subset:${u.speaker}@1.25`));
    for (const [i, s] of fast.entries()) {
      expect(s.versions).toHaveLength(2);
      // 1.25× faster: about 80 % of the frames (silence trimming happens before the speed change).
      expect(s.frames[0] / plain[i].frames[0]).toBeGreaterThan(0.78);
      expect(s.frames[0] / plain[i].frames[0]).toBeLessThan(0.82);
    }
    const again = await realSpeakerStreams('libri@1.25', utterances, { cacheDir, augmentedVersions: 1, seed: 1, speed: 1.25 });
    expect(again.map((s) => s.frames)).toEqual(fast.map((s) => s.frames));
    expect(Array.from(again[0].versions[0].subarray(0, 80))).toEqual(Array.from(fast[0].versions[0].subarray(0, 80)));
  }, 60_000);
});
