// Speaker augmentation that turns one engine voice into many: pitch scaling, vocal-tract-length warping and speaking
// rate, done by sox (resampling) and rubberband (formant-preserving pitch shift and time stretch) on WAV files.
//
// Why two programs: sox's `speed`, `pitch` and `tempo` are resampling and WSOLA, and WSOLA keeps both F0 and the
// formants, so every sox chain scales F0 and formants by the same factor and cannot warp one without the other.
// The chain used here:
//   1. `sox speed α`         — resampling: every frequency (F0 and formants) × α, duration ÷ α;
//   2. `rubberband -F -t α/r -p (cents/100 − 12·log2 α)` — formant-preserving pitch shift brings F0 back to
//      F0 × 2^(cents/1200) without moving formants, and the time stretch makes the duration original ÷ r.
// Net: formants × α, F0 × 2^(cents/1200), duration ÷ r, so engine phone times scale by 1/r.
// sox runs with -R (repeatable dither) so the same input and settings always give the same bytes.

import path from 'node:path';
import { promises as fs } from 'node:fs';
import { VoiceCloneError } from '../../errors';
import type { EngineSegment } from './engines';
import { runTool } from './tools';

export interface VoiceAugmentation {
  /** F0 change in cents (100 cents = one semitone); formants stay. */
  pitchCents: number;
  /** Vocal-tract-length warping: formant frequencies × alpha; F0 stays. */
  vtlnAlpha: number;
  /** Speaking rate: durations ÷ rate (1.1 = 10 % faster). */
  rate: number;
}

/** Ranges that keep the engines intelligible; draws for synthetic speakers stay inside them. */
export const AUGMENTATION_RANGES = {
  pitchCents: [-400, 400],
  vtlnAlpha: [0.85, 1.18],
  rate: [0.85, 1.2],
} as const;

export const NO_AUGMENTATION: VoiceAugmentation = { pitchCents: 0, vtlnAlpha: 1, rate: 1 };

/** Peak level (dBFS) the engines' output is normalized to before warping, leaving headroom for the pitch shifter. */
const PEAK_DBFS = -3;

function checkRange(name: keyof typeof AUGMENTATION_RANGES, value: number): void {
  const [lo, hi] = AUGMENTATION_RANGES[name];
  if (!Number.isFinite(value) || value < lo || value > hi) {
    throw new VoiceCloneError('BAD_ARGUMENT', `${name} must be in [${lo}, ${hi}], not ${value}.`);
  }
}

export function checkAugmentation(aug: VoiceAugmentation): void {
  checkRange('pitchCents', aug.pitchCents);
  checkRange('vtlnAlpha', aug.vtlnAlpha);
  checkRange('rate', aug.rate);
}

/** Writes `inWav` transformed by `aug` to `outWav` (same sample rate, mono); `inWav` is left in place. */
export async function augmentWav(inWav: string, outWav: string, aug: VoiceAugmentation): Promise<void> {
  checkAugmentation(aug);
  const warped = path.join(path.dirname(outWav), `${path.basename(outWav, '.wav')}.warp.wav`);
  try {
    await runTool('sox', ['-R', inWav, '-b', '16', '-c', '1', warped, 'speed', aug.vtlnAlpha.toFixed(6), 'gain', '-n', `${PEAK_DBFS}`]);
    const semitones = aug.pitchCents / 100 - 12 * Math.log2(aug.vtlnAlpha);
    await runTool('rubberband', [
      '-q',
      '--fine',
      '--formant',
      '--time',
      (aug.vtlnAlpha / aug.rate).toFixed(6),
      '--pitch',
      semitones.toFixed(6),
      warped,
      outWav,
    ]);
  } finally {
    await fs.rm(warped, { force: true });
  }
}

/** Engine phone times after augmentation: only the speaking rate moves them. */
export function scaleSegments(segments: readonly EngineSegment[], aug: VoiceAugmentation): EngineSegment[] {
  return segments.map((s) => ({ phone: s.phone, start: s.start / aug.rate, end: s.end / aug.rate }));
}
