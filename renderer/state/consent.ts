// Whether the consent take lets a voice be cloned: the person whose voice it is has read this very statement (with
// the current name) aloud, and the engine found the recording usable. Otherwise, one line saying what to do.
import type { Take } from './takes';

/** What still stands between the consent take and cloning, or null when it is ready. */
export function consentProblem(take: Take | null, statement: string | null): string | null {
  if (statement === null) return 'Type the name of the person whose voice is cloned, then read the statement that appears.';
  if (take === null) return 'Record the consent statement, read aloud by the person whose voice is cloned.';
  if (take.text !== statement) return 'The name changed after the statement was recorded: record the new statement.';
  if (take.error !== null) return take.error;
  if (take.report === null) return 'The consent recording is still being checked.';
  if (!take.report.usable) return take.report.problem ?? 'The consent recording cannot be used: record it again.';
  return null;
}
