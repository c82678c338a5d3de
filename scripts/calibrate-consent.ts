// Measures the consent check on held-out real speakers (never trained on by the verifier): a consent trial is one
// clip against the mean embedding of 3 other clips, same speaker or not; prints false accept/reject rates per threshold.
// Usage: npx tsx scripts/calibrate-consent.ts [--out docs/consent-calibration.json]
import { parseArgs } from 'node:util';
import { initBackend } from '../ml/backend';
import { SHARED_DATA_ROOT } from '../ml/data/corpora/shared-data';
import { writeFileAtomic } from '../ml/files';
import { consentScore } from '../ml/cloning/consent';
import { heldOutLibriClips, heldOutVccClips, type EvalClip } from '../ml/models/verifier/evaluate';
import { loadVerifier } from '../ml/models/verifier/embed';
import { seededRandom } from '../ml/random';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'docs/consent-calibration.json' } } });
await initBackend();
const verifier = await loadVerifier();
const clips: EvalClip[] = [...(await heldOutVccClips(SHARED_DATA_ROOT, 'eval', 12)), ...(await heldOutLibriClips(SHARED_DATA_ROOT))];
const bySpeaker = new Map<string, EvalClip[]>();
for (const c of clips) bySpeaker.set(c.speaker, [...(bySpeaker.get(c.speaker) ?? []), c]);
const speakers = [...bySpeaker.keys()].filter((s) => bySpeaker.get(s)!.length >= 4);
const rand = seededRandom(11);
const same: number[] = [];
const different: number[] = [];
for (const s of speakers) {
  const own = bySpeaker.get(s)!;
  for (let k = 0; k < Math.min(6, own.length); k++) {
    const consent = own[k];
    const others = own.filter((c) => c !== consent).sort(() => rand() - 0.5).slice(0, 3);
    same.push(consentScore(verifier, consent.mel, others.map((c) => c.mel)));
    for (const o of speakers.filter((x) => x !== s).sort(() => rand() - 0.5).slice(0, 4)) {
      const impostor = bySpeaker.get(o)!.slice(0, 3);
      different.push(consentScore(verifier, consent.mel, impostor.map((c) => c.mel)));
    }
  }
}
const rows = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7].map((t) => ({
  threshold: t,
  falseAccept: different.filter((x) => x >= t).length / different.length,
  falseReject: same.filter((x) => x < t).length / same.length,
}));
console.log(`${speakers.length} speakers, ${same.length} same-speaker and ${different.length} different-speaker trials`);
for (const r of rows) console.log(`threshold ${r.threshold.toFixed(2)}: false accept ${(100 * r.falseAccept).toFixed(1)} %, false reject ${(100 * r.falseReject).toFixed(1)} %`);
await writeFileAtomic(values.out, `${JSON.stringify({ speakers: speakers.length, trials: { same: same.length, different: different.length }, rows }, null, 1)}\n`);
