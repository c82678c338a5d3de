// Consent before cloning: the person reads a statement aloud, and a voice is made only when the speaker verifier
// judges the statement and the cloning clips to be the same speaker (threshold in CONSENT_THRESHOLD, measured).

import type { LogMel } from '../audio/mel';
import { VoiceCloneError } from '../errors';
import { cosineToMean } from '../eval/similarity';
import { embedMels } from '../models/verifier/embed';
import type { LoadedVerifier } from '../models/verifier/weights';

/**
 * Verifier cosine a consent recording must reach against the mean embedding of the cloning clips. Chosen on the
 * held-out real speakers by scripts/calibrate-consent.ts (figures in docs/consent.md): the lowest threshold whose
 * false-accept rate on different-speaker trials is at most 1 %.
 */
export const CONSENT_THRESHOLD = 0.5;

/** The sentence a person reads to consent, with their name and today's date written in. */
export function consentStatement(name: string, date: Date = new Date()): string {
  const day = date.toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  return `I, ${name.trim()}, agree that this app may create a synthetic copy of my voice on ${day}.`;
}

export interface ConsentCheck {
  verified: boolean;
  /** Cosine between the statement's embedding and the clips' mean embedding. */
  score: number;
}

/** Verifier cosine between the consent recording and the mean of the clips' embeddings. */
export function consentScore(verifier: LoadedVerifier, consent: LogMel, clips: readonly LogMel[]): number {
  if (clips.length === 0) throw new VoiceCloneError('BAD_ARGUMENT', 'Consent is checked against at least one cloning clip.');
  const [statement, ...others] = embedMels(verifier, [consent, ...clips]);
  return cosineToMean(statement, others);
}

/** Checks consent; throws CONSENT_REJECTED when the statement's speaker does not match the clips'. */
export function checkConsent(verifier: LoadedVerifier, consent: LogMel, clips: readonly LogMel[]): ConsentCheck {
  const score = consentScore(verifier, consent, clips);
  if (score < CONSENT_THRESHOLD) {
    throw new VoiceCloneError(
      'CONSENT_REJECTED',
      `The consent recording does not sound like the same person as the clips (similarity ${score.toFixed(2)}, needs ${CONSENT_THRESHOLD}). The person whose voice is cloned must read the statement.`,
    );
  }
  return { verified: true, score };
}
