// When the consent take lets cloning start: only a usable recording of the current statement does; every other
// state says in one line what to do.
import { describe, expect, it } from 'vitest';
import type { ClipReport } from '../../../ml/api';
import { consentProblem } from '../../../renderer/state/consent';
import type { Take } from '../../../renderer/state/takes';

const STATEMENT = 'I, Ada Lovelace, agree that this app may create a synthetic copy of my voice on May 4, 2026.';

const usableReport: ClipReport = { name: 'consent.wav', seconds: 5, speechSeconds: 4.2, peakDbfs: -6, warnings: [], usable: true, problem: null };

function take(change: Partial<Take> = {}): Take {
  return {
    samples: new Float32Array(16000),
    sampleRate: 16000,
    id: 'c1',
    name: 'consent',
    text: STATEMENT,
    promptIndex: null,
    trim: { start: 0, end: 1 },
    report: usableReport,
    error: null,
    ...change,
  };
}

describe('consentProblem', () => {
  it('is ready for a usable recording of the current statement', () => {
    expect(consentProblem(take(), STATEMENT)).toBeNull();
  });

  it('asks for the name, then for the recording', () => {
    expect(consentProblem(null, null)).toMatch(/^Type the name/);
    expect(consentProblem(take(), null)).toMatch(/^Type the name/);
    expect(consentProblem(null, STATEMENT)).toMatch(/^Record the consent statement/);
  });

  it('refuses a recording of another statement (the name changed since)', () => {
    expect(consentProblem(take(), STATEMENT.replace('Ada Lovelace', 'Grace Hopper'))).toMatch(/name changed/);
  });

  it('waits for the engine, and passes on why a recording is unusable', () => {
    expect(consentProblem(take({ report: null }), STATEMENT)).toMatch(/being checked/);
    expect(consentProblem(take({ report: null, error: 'consent.wav is not audio.' }), STATEMENT)).toBe('consent.wav is not audio.');
    const silent = { ...usableReport, speechSeconds: 0, usable: false, problem: 'No speech was found in consent.wav.' };
    expect(consentProblem(take({ report: silent }), STATEMENT)).toBe('No speech was found in consent.wav.');
    expect(consentProblem(take({ report: { ...silent, problem: null } }), STATEMENT)).toMatch(/cannot be used/);
  });
});
