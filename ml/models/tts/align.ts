// Phoneme durations for TTS training by flat-start forced alignment: one diagonal Gaussian per phoneme over
// mean-normalized log-mel + deltas, trained by Viterbi EM from a uniform segmentation (the classic HMM recipe).

import { MEL } from '../../audio/config';
import { PHONEME_INVENTORY } from '../../text/phonemes';

export interface AlignInput {
  ids: Int32Array;
  frames: number;
  /** Log-mel, frames × nMels. */
  mel: Float32Array;
}

const N_MELS = MEL.nMels;
const DIM = 2 * N_MELS;
const VAR_FLOOR = 0.02;

/** Per-utterance mean-normalized log-mel with first differences appended, frames × DIM. */
function features(u: AlignInput): Float32Array {
  const mean = new Float64Array(N_MELS);
  for (let t = 0; t < u.frames; t++) for (let d = 0; d < N_MELS; d++) mean[d] += u.mel[t * N_MELS + d];
  for (let d = 0; d < N_MELS; d++) mean[d] /= u.frames;
  const out = new Float32Array(u.frames * DIM);
  for (let t = 0; t < u.frames; t++) {
    const prev = Math.max(0, t - 1);
    const next = Math.min(u.frames - 1, t + 1);
    for (let d = 0; d < N_MELS; d++) {
      out[t * DIM + d] = u.mel[t * N_MELS + d] - mean[d];
      out[t * DIM + N_MELS + d] = (u.mel[next * N_MELS + d] - u.mel[prev * N_MELS + d]) / 2;
    }
  }
  return out;
}

/** Equal split of `frames` over `tokens` (each ≥ 1). */
export function uniformDurations(tokens: number, frames: number): Int32Array {
  const d = new Int32Array(tokens);
  for (let i = 0; i < tokens; i++) d[i] = Math.floor(((i + 1) * frames) / tokens) - Math.floor((i * frames) / tokens);
  return d;
}

interface Gaussians {
  mean: Float64Array;
  invVar: Float64Array;
  logNorm: Float64Array;
}

function estimate(feats: readonly Float32Array[], inputs: readonly AlignInput[], durations: readonly Int32Array[]): Gaussians {
  const states = PHONEME_INVENTORY.length;
  const sum = new Float64Array(states * DIM);
  const sq = new Float64Array(states * DIM);
  const count = new Float64Array(states);
  const globalSum = new Float64Array(DIM);
  const globalSq = new Float64Array(DIM);
  let globalCount = 0;
  inputs.forEach((u, k) => {
    let t = 0;
    u.ids.forEach((id, i) => {
      for (let f = 0; f < durations[k][i]; f++, t++) {
        for (let d = 0; d < DIM; d++) {
          const x = feats[k][t * DIM + d];
          sum[id * DIM + d] += x;
          sq[id * DIM + d] += x * x;
          globalSum[d] += x;
          globalSq[d] += x * x;
        }
        count[id]++;
        globalCount++;
      }
    });
  });
  const mean = new Float64Array(states * DIM);
  const invVar = new Float64Array(states * DIM);
  const logNorm = new Float64Array(states);
  for (let s = 0; s < states; s++) {
    let ln = 0;
    for (let d = 0; d < DIM; d++) {
      const gm = globalSum[d] / globalCount;
      const gv = globalSq[d] / globalCount - gm * gm;
      // Rare phonemes borrow the global statistics in proportion to how little data they have.
      const w = count[s] / (count[s] + 20);
      const m = count[s] > 0 ? w * (sum[s * DIM + d] / count[s]) + (1 - w) * gm : gm;
      const v = count[s] > 0 ? w * (sq[s * DIM + d] / count[s] - (sum[s * DIM + d] / count[s]) ** 2) + (1 - w) * gv : gv;
      mean[s * DIM + d] = m;
      const vv = Math.max(VAR_FLOOR, v);
      invVar[s * DIM + d] = 1 / vv;
      ln -= 0.5 * Math.log(vv);
    }
    logNorm[s] = ln;
  }
  return { mean, invVar, logNorm };
}

/** Best monotonic segmentation of `feat` over the tokens (each token ≥ 1 frame) under the Gaussians. */
function viterbi(feat: Float32Array, u: AlignInput, g: Gaussians): Int32Array {
  const n = u.ids.length;
  const T = u.frames;
  const ll = new Float64Array(n * T);
  for (let i = 0; i < n; i++) {
    const s = u.ids[i];
    for (let t = 0; t < T; t++) {
      let acc = g.logNorm[s];
      for (let d = 0; d < DIM; d++) {
        const diff = feat[t * DIM + d] - g.mean[s * DIM + d];
        acc -= 0.5 * diff * diff * g.invVar[s * DIM + d];
      }
      ll[i * T + t] = acc;
    }
  }
  return monotonicDurations(ll, n, T);
}

/**
 * The best monotonic path through a token × frame log-likelihood matrix `ll` (row-major, n × T, n ≤ T): every token
 * gets at least one frame, tokens in order, first frame on the first token and last on the last. Returns frames per token.
 */
export function monotonicDurations(ll: Float64Array, n: number, T: number): Int32Array {
  const score = new Float64Array(n * T).fill(-Infinity);
  const advanced = new Uint8Array(n * T);
  score[0] = ll[0];
  for (let t = 1; t < T; t++) {
    const maxI = Math.min(n - 1, t);
    for (let i = Math.max(0, n - (T - t)); i <= maxI; i++) {
      const stay = score[i * T + t - 1];
      const move = i > 0 ? score[(i - 1) * T + t - 1] : -Infinity;
      if (move > stay) {
        score[i * T + t] = move + ll[i * T + t];
        advanced[i * T + t] = 1;
      } else {
        score[i * T + t] = stay + ll[i * T + t];
      }
    }
  }
  const durations = new Int32Array(n);
  let i = n - 1;
  for (let t = T - 1; t >= 0; t--) {
    durations[i]++;
    if (advanced[i * T + t]) i--;
  }
  return durations;
}

/**
 * Durations (frames per token, each ≥ 1, summing to the frame count) for every input, after `iterations` rounds of
 * Viterbi re-estimation. Inputs need at least as many frames as tokens.
 */
export function alignDurations(inputs: readonly AlignInput[], iterations = 8, log: (line: string) => void = () => {}): Int32Array[] {
  const feats = inputs.map(features);
  let durations = inputs.map((u) => uniformDurations(u.ids.length, u.frames));
  for (let it = 0; it < iterations; it++) {
    const g = estimate(feats, inputs, durations);
    const next = inputs.map((u, k) => viterbi(feats[k], u, g));
    let changed = 0;
    let total = 0;
    next.forEach((d, k) => {
      let a = 0;
      let b = 0;
      for (let i = 0; i < d.length; i++) {
        a += durations[k][i];
        b += d[i];
        if (a !== b) changed++;
      }
      total += d.length;
    });
    durations = next;
    log(`alignment round ${it + 1}/${iterations}: ${((100 * changed) / total).toFixed(1)} % of token ends moved`);
  }
  return durations;
}
