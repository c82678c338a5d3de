// Synthetic speakers: a base engine voice plus a pitch, vocal-tract-length and rate draw, all fixed by (seed, index),
// and the held-out speaker split (one whole base voice, flite awb, plus a hashed share of the rest).

import { VoiceCloneError } from '../../errors';
import type { VoiceAugmentation } from './augment';
import { espeakVoices, festivalVoices, fliteVoices, type BaseVoice } from './engines';
import { indexHash, rangeHash, unitHash } from './hash';

export interface SyntheticSpeaker {
  /** `spk0000`, `spk0001`, … */
  id: string;
  index: number;
  base: BaseVoice;
  augmentation: VoiceAugmentation;
  /** Held-out speakers are for evaluating speaker encoders, verifiers and cloning on voices never trained on. */
  heldOut: boolean;
}

/**
 * Share of speakers drawn from each engine. The flite and festival voices come from recordings of real people and
 * sound more natural, so they get half the speakers although they are only 7 of the ~400 base voices.
 */
export const ENGINE_SHARES = [
  { voices: espeakVoices, share: 0.5 },
  { voices: fliteVoices, share: 0.3 },
  { voices: festivalVoices, share: 0.2 },
] as const;

/** Base voices whose every synthetic speaker is held out. */
export const HELD_OUT_BASE_VOICES: readonly string[] = ['flite_awb'];

/** Share of the other speakers held out at random. */
export const HELD_OUT_SPEAKER_SHARE = 0.03;

export const MAX_SPEAKERS = 10_000;

/**
 * Ranges speakers are drawn from, narrower than augment.ts's limits. Measured with pocketsphinx on flite voices: the
 * corners where pitch and α push the same way fail whether at ±400 cents/α 0.85–1.18 (2 of 4 corners on rms and slt)
 * or at these ranges (3 of 6 on rms, slt and awb: male voices pushed low, slt pushed high), while a mid-range draw
 * (+150 cents, α 0.92, rate 1.1) transcribes as well as the original; so the draws stay away from the far corners.
 */
export const DRAW_RANGES = {
  pitchCents: [-300, 300],
  vtlnAlpha: [0.88, 1.15],
  rate: [0.88, 1.15],
} as const;

function drawBaseVoice(seed: number, index: number): BaseVoice {
  const u = unitHash('engine', seed, index);
  let acc = 0;
  const group = ENGINE_SHARES.find(({ share }) => u < (acc += share)) ?? ENGINE_SHARES[ENGINE_SHARES.length - 1];
  const list = group.voices();
  return list[indexHash(list.length, 'voice', seed, index)];
}

function drawAugmentation(seed: number, index: number): VoiceAugmentation {
  const round = (x: number, digits: number) => Number(x.toFixed(digits));
  const [pLo, pHi] = DRAW_RANGES.pitchCents;
  const [aLo, aHi] = DRAW_RANGES.vtlnAlpha;
  const [rLo, rHi] = DRAW_RANGES.rate;
  return {
    pitchCents: round(rangeHash(pLo, pHi, 'pitch', seed, index), 0),
    vtlnAlpha: Math.min(aHi, round(rangeHash(aLo, aHi, 'vtln', seed, index), 3)),
    rate: Math.min(rHi, round(rangeHash(rLo, rHi, 'rate', seed, index), 3)),
  };
}

/** The synthetic speaker with this index under this seed. */
export function makeSpeaker(seed: number, index: number): SyntheticSpeaker {
  const base = drawBaseVoice(seed, index);
  const heldOut = HELD_OUT_BASE_VOICES.includes(base.id) || unitHash('heldout-speaker', seed, index) < HELD_OUT_SPEAKER_SHARE;
  return {
    id: `spk${String(index).padStart(4, '0')}`,
    index,
    base,
    augmentation: drawAugmentation(seed, index),
    heldOut,
  };
}

/** Speakers 0 … count−1 under `seed`. */
export function makeSpeakers(count: number, seed: number): SyntheticSpeaker[] {
  if (!Number.isInteger(count) || count < 1 || count > MAX_SPEAKERS) {
    throw new VoiceCloneError('BAD_ARGUMENT', `Speaker count must be an integer in [1, ${MAX_SPEAKERS}], not ${count}.`);
  }
  if (!Number.isInteger(seed)) throw new VoiceCloneError('BAD_ARGUMENT', `Seed must be an integer, not ${seed}.`);
  return Array.from({ length: count }, (_, i) => makeSpeaker(seed, i));
}
