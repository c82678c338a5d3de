// Answers of the blind A/B listening test: what was compared, what the listener chose, kept in the window's
// storage across restarts, and exported as CSV.

export interface ListeningAnswer {
  /** ISO time of the answer. */
  time: string;
  question: string;
  /** The sentence both sides spoke. */
  text: string;
  /** Names of what played as A and as B (hidden from the listener until answered). */
  a: string;
  b: string;
  choice: 'A' | 'B' | 'no preference';
}

const KEY = 'voiceclone.listening-answers.v1';

function isAnswer(x: unknown): x is ListeningAnswer {
  const a = x as ListeningAnswer;
  return typeof x === 'object' && x !== null && ['time', 'question', 'text', 'a', 'b', 'choice'].every((k) => typeof a[k as keyof ListeningAnswer] === 'string');
}

export function loadAnswers(storage: Storage): ListeningAnswer[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isAnswer) : [];
  } catch {
    return [];
  }
}

export function saveAnswers(storage: Storage, answers: readonly ListeningAnswer[]): void {
  storage.setItem(KEY, JSON.stringify(answers));
}

/** RFC 4180 field: quoted when it holds a comma, quote or line break; a leading =+-@ is escaped for spreadsheets. */
function field(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function answersCsv(answers: readonly ListeningAnswer[]): string {
  const header = ['time', 'question', 'text', 'a', 'b', 'choice', 'chosen'];
  const rows = answers.map((x) => [x.time, x.question, x.text, x.a, x.b, x.choice, x.choice === 'A' ? x.a : x.choice === 'B' ? x.b : '']);
  return [header, ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}
