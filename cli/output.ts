// How the CLI talks to a person: one readable line per error, exit codes, and key/value reports.
// Stack traces appear only with VOICECLONE_DEBUG=1.
import { isVoiceCloneError } from '../ml/errors';

export const EXIT = { ok: 0, failure: 1, usage: 2, internal: 70 } as const;

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Prints an error as one line and returns the exit code it deserves. */
export function reportError(e: unknown, context?: string): number {
  const prefix = context ? `voiceclone: ${context}: ` : 'voiceclone: ';
  if (e instanceof UsageError) {
    process.stderr.write(`${prefix}${e.message}\nRun "voiceclone help" for usage.\n`);
    return EXIT.usage;
  }
  if (isVoiceCloneError(e)) {
    process.stderr.write(`${prefix}${oneLine(e.message)}\n`);
    return EXIT.failure;
  }
  const message = e instanceof Error ? e.message : String(e);
  process.stderr.write(`${prefix}unexpected internal error: ${oneLine(message)}\n`);
  if (process.env.VOICECLONE_DEBUG === '1' && e instanceof Error && e.stack) process.stderr.write(`${e.stack}\n`);
  return EXIT.internal;
}

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').trim();
}

/** Aligned "key: value" lines for human-readable reports; a value's further lines are indented under the first. */
export function formatFields(fields: [string, string][]): string {
  const width = Math.max(...fields.map(([k]) => k.length)) + 2;
  return fields.map(([k, v]) => `${`${k}:`.padEnd(width)}${v.split('\n').join(`\n${' '.repeat(width)}`)}`).join('\n');
}
