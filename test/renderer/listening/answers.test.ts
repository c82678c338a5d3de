// Listening-test answers: CSV that spreadsheets read safely, and storage that survives bad data.
import { describe, expect, it } from 'vitest';
import { answersCsv, loadAnswers, saveAnswers, type ListeningAnswer } from '../../../renderer/listening/answers';

const answer: ListeningAnswer = {
  time: '2025-01-01T10:00:00.000Z',
  question: 'Which sounds more like the real recording?',
  text: 'Hello, "world"',
  a: 'My voice',
  b: '=cmd()',
  choice: 'B',
};

class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(k: string) {
    return this.items.get(k) ?? null;
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null;
  }
  removeItem(k: string) {
    this.items.delete(k);
  }
  setItem(k: string, v: string) {
    this.items.set(k, v);
  }
}

describe('answersCsv', () => {
  it('writes a header and one quoted, formula-safe row per answer', () => {
    expect(answersCsv([answer])).toBe(
      'time,question,text,a,b,choice,chosen\r\n' +
        `2025-01-01T10:00:00.000Z,Which sounds more like the real recording?,"Hello, ""world""",My voice,'=cmd(),B,'=cmd()\r\n`,
    );
  });

  it('leaves "chosen" empty for no preference', () => {
    expect(answersCsv([{ ...answer, choice: 'no preference' }]).trim().endsWith(',no preference,')).toBe(true);
  });
});

describe('answer storage', () => {
  it('round-trips answers and ignores malformed entries', () => {
    const s = new MemoryStorage();
    saveAnswers(s, [answer]);
    expect(loadAnswers(s)).toEqual([answer]);
    s.setItem('voiceclone.listening-answers.v1', JSON.stringify([answer, { time: 1 }, 'x']));
    expect(loadAnswers(s)).toEqual([answer]);
    s.setItem('voiceclone.listening-answers.v1', '{not json');
    expect(loadAnswers(s)).toEqual([]);
  });
});
