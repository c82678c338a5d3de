// Word-level voting (ROVER-like) that merges several recognizer hypotheses of the same sentence into one transcript.
// The medoid hypothesis is the backbone; every hypothesis is Levenshtein-aligned to it and each slot is decided by vote.

import { VoiceCloneError } from '../errors';
import { wordEditDistance, words } from '../eval/asr';

/** One aligned position of a hypothesis against the backbone. */
type AlignedSlot =
  | { kind: 'slot'; index: number; word: string | null }
  | { kind: 'insert'; after: number; word: string };

export interface VoteResult {
  /** Consensus words joined by single spaces ('' when the readings mostly heard nothing). */
  text: string;
  /** Mean over consensus words of the fraction of hypotheses that carry that word at that position, in [0, 1]. */
  agreement: number;
  /** Per consensus word: the fraction of hypotheses supporting it. */
  support: number[];
}

/** Full Levenshtein table over words (the alignment needs the back-trace): cost[i][j] = edits a[0..i) → b[0..j). */
function editTable(a: readonly string[], b: readonly string[]): number[][] {
  const cost: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const sub = cost[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      cost[i][j] = Math.min(sub, cost[i - 1][j] + 1, cost[i][j - 1] + 1);
    }
  }
  return cost;
}

/** Aligns `hyp` to `backbone`: a word (or null for a deletion) per backbone slot, plus insertions between slots. */
function alignToBackbone(backbone: readonly string[], hyp: readonly string[]): AlignedSlot[] {
  const cost = editTable(backbone, hyp);
  const out: AlignedSlot[] = [];
  let i = backbone.length;
  let j = hyp.length;
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && cost[i][j] === cost[i - 1][j - 1] + (backbone[i - 1] === hyp[j - 1] ? 0 : 1)) {
      out.push({ kind: 'slot', index: i - 1, word: hyp[j - 1] });
      i--;
      j--;
    } else if (i > 0 && cost[i][j] === cost[i - 1][j] + 1) {
      out.push({ kind: 'slot', index: i - 1, word: null });
      i--;
    } else {
      out.push({ kind: 'insert', after: i - 1, word: hyp[j - 1] });
      j--;
    }
  }
  return out.reverse();
}

/** Index of the hypothesis with the least total word distance to all others (first one on ties). */
export function medoidIndex(hyps: string[][]): number {
  let best = 0;
  let bestSum = Infinity;
  hyps.forEach((h, k) => {
    const sum = hyps.reduce((acc, other) => acc + wordEditDistance(h, other), 0);
    if (sum < bestSum) {
      bestSum = sum;
      best = k;
    }
  });
  return best;
}

const NONE = '';

/** Most frequent key; ties go to `preferred` when it is among the leaders, else to the first leader seen. */
function plurality(counts: Map<string, number>, preferred: string): { key: string; count: number } {
  let key = NONE;
  let count = -1;
  for (const [k, c] of counts) {
    if (c > count || (c === count && k === preferred)) {
      key = k;
      count = c;
    }
  }
  return { key, count };
}

/**
 * Two-stage vote on one position: words are kept when the readings that have a word there outnumber those that
 * have none (`presentOnTie` settles equality), then the most frequent word wins. Splitting the decision keeps a word
 * that every reading heard differently instead of letting "nothing" win by plurality.
 */
function decide(
  counts: Map<string, number>,
  preferred: string,
  presentOnTie: boolean,
): { key: string; count: number } | null {
  const none = counts.get(NONE) ?? 0;
  const present = [...counts.values()].reduce((a, b) => a + b, 0) - none;
  if (present < none || (present === none && !presentOnTie)) return null;
  return plurality(new Map([...counts].filter(([k]) => k !== NONE)), preferred);
}

/**
 * Merges hypotheses of one sentence. Per backbone slot each hypothesis votes for a word or for "nothing";
 * between slots each hypothesis votes for the word sequence it inserted there (or nothing). Each position is settled
 * by `decide`; ties keep the backbone's choice.
 */
export function voteTranscripts(hypotheses: readonly string[]): VoteResult {
  if (hypotheses.length === 0) {
    throw new VoiceCloneError('BAD_ARGUMENT', 'Transcript voting needs at least one hypothesis.');
  }
  const hyps = hypotheses.map(words);
  const n = hyps.length;
  const backbone = hyps[medoidIndex(hyps)];

  // slotVotes[i]: word (or NONE) per hypothesis at backbone slot i; gapVotes[i + 1]: inserted sequence after slot i.
  const slotVotes = backbone.map(() => new Map<string, number>());
  const gapVotes = Array.from({ length: backbone.length + 1 }, () => new Map<string, number>());
  const add = (m: Map<string, number>, k: string): void => {
    m.set(k, (m.get(k) ?? 0) + 1);
  };
  for (const hyp of hyps) {
    const inserted: string[][] = Array.from({ length: backbone.length + 1 }, () => []);
    for (const a of alignToBackbone(backbone, hyp)) {
      if (a.kind === 'slot') add(slotVotes[a.index], a.word ?? NONE);
      else inserted[a.after + 1].push(a.word);
    }
    inserted.forEach((seq, g) => add(gapVotes[g], seq.join(' ')));
  }

  const consensus: string[] = [];
  const support: number[] = [];
  const takeGap = (g: number): void => {
    const winner = decide(gapVotes[g], NONE, false);
    if (!winner) return;
    for (const w of winner.key.split(' ')) {
      consensus.push(w);
      support.push(winner.count / n);
    }
  };
  takeGap(0);
  backbone.forEach((w, i) => {
    const winner = decide(slotVotes[i], w, true);
    if (winner) {
      consensus.push(winner.key);
      support.push(winner.count / n);
    }
    takeGap(i + 1);
  });

  const agreement =
    support.length > 0
      ? support.reduce((a, b) => a + b, 0) / support.length
      : hyps.filter((h) => h.length === 0).length / n;
  return { text: consensus.join(' '), agreement, support };
}
