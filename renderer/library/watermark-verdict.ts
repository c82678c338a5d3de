// What a watermark check says to a person: who made the file (a voice of this library, another voice, or nothing
// found), in one line, with how unlikely that evidence would be in a real recording.
import { formatVoiceHash, type WatermarkReport } from '../../ml/api';

export type VerdictTone = 'ok' | 'warn' | 'bad';

export interface Verdict {
  /** ok: made here with a known voice; warn: marked but the voice is unknown or the payload unreadable; bad: no mark. */
  tone: VerdictTone;
  badge: string;
  text: string;
}

/**
 * "at most 1 in 520,000" for the chance 1 − confidence that unmarked audio shows this much evidence; "less than 1 in a
 * million" below that (a clean mark's confidence rounds to 1); null when the chance is over 1 %.
 */
export function chanceInUnmarked(confidence: number): string | null {
  if (!(confidence >= 0.99 && confidence <= 1)) return null;
  if (1 - confidence < 1e-6) return 'less than 1 in a million';
  const n = Number((1 / (1 - confidence)).toPrecision(2));
  return `at most 1 in ${n.toLocaleString('en-US')}`;
}

export function verdictOf(r: WatermarkReport): Verdict {
  const chance = chanceInUnmarked(r.confidence);
  const odds = chance ? ` A recording without the mark would show this with a chance of ${chance}.` : '';
  if (r.present && r.voice) {
    return { tone: 'ok', badge: 'Made with this app', text: `Spoken by the voice “${r.voice.name}”.${odds}` };
  }
  if (r.present && r.voiceHash !== null) {
    return { tone: 'warn', badge: 'Made with this app', text: `By a voice that is not in this library, or one of two of its voices that share a hash (voice hash ${formatVoiceHash(r.voiceHash)}).${odds}` };
  }
  if (r.present) {
    return { tone: 'warn', badge: 'Mark found', text: `The mark is there but too damaged to say which voice made it.${odds}` };
  }
  return {
    tone: 'bad',
    badge: 'No mark found',
    text: 'This proves nothing on its own: clips under about 2 s, added noise or heavy editing can remove the mark.',
  };
}
