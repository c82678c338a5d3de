// Where embedding moves each cell's log ratio: toward its chip's nearest lattice point, each cell as far as the energy
// budget allows where the move buys the most evidence that a reading under the design noise can still trust.

import { BLOCK_FRAMES, COLUMNS, expectedCosine, FRAMES_PER_CELL, LAYOUT, type PatchSums, QUANTIZER_STEP, SILENT_HALF_CELL } from './layout';

/** Fractions of the way to its lattice point a cell may be moved: 0, 1/16, …, 1. */
const MOVE_STEPS = 16;

/** The lattice point nearest to log ratio `ratio` for `cell` carrying `chip`. */
function latticePoint(ratio: number, cell: number, chip: number): number {
  const start = LAYOUT.dither[cell] + (chip > 0 ? 0 : 0.5);
  return QUANTIZER_STEP * (Math.round(ratio / QUANTIZER_STEP - start) + start);
}

/** Power-keeping gains for a cell's lower and upper half that move its log ratio by `move`. */
export function halfGains(move: number, lowerPower: number, upperPower: number): { lower: number; upper: number } {
  const upper = Math.sqrt((lowerPower + upperPower) / (Math.exp(2 * move) * lowerPower + upperPower));
  return { lower: Math.exp(move) * upper, upper };
}

/** Energy (STFT power units) that moving a cell's log ratio by `move` with `halfGains` adds to it. */
export function moveEnergy(move: number, lowerPower: number, upperPower: number): number {
  const gains = halfGains(move, lowerPower, upperPower);
  return lowerPower * (gains.lower - 1) ** 2 + upperPower * (gains.upper - 1) ** 2;
}

/** One cell's options: its ratio, the move that reaches its lattice point, and what moving j / MOVE_STEPS of the way is worth and costs. */
interface CellOptions {
  at: number;
  ratio: number;
  fullMove: number;
  /** [j]: the trusted evidence left, trust × cos(2π · distance left / step). */
  worth: Float64Array;
  /** [j]: the energy added. */
  cost: Float64Array;
}

function cellOptions(sums: PatchSums, chips: Int8Array, noisePerBin: number): CellOptions[] {
  const { frames } = sums;
  const cells: CellOptions[] = [];
  for (let t = 0; t + FRAMES_PER_CELL <= frames; t += FRAMES_PER_CELL) {
    const row = (t % BLOCK_FRAMES) / FRAMES_PER_CELL;
    for (let column = 0; column < COLUMNS; column++) {
      const at = t * COLUMNS + column;
      const lower = sums.lower[at];
      const upper = sums.upper[at];
      if (lower < SILENT_HALF_CELL || upper < SILENT_HALF_CELL) continue;
      const cell = row * COLUMNS + column;
      const ratio = Math.log(lower / upper);
      const fullMove = latticePoint(ratio, cell, chips[cell]) - ratio;
      const trust = expectedCosine(noisePerBin, lower, upper);
      const worth = new Float64Array(MOVE_STEPS + 1);
      const cost = new Float64Array(MOVE_STEPS + 1);
      for (let j = 0; j <= MOVE_STEPS; j++) {
        const move = (fullMove * j) / MOVE_STEPS;
        worth[j] = trust * Math.cos((2 * Math.PI * (fullMove - move)) / QUANTIZER_STEP);
        cost[j] = moveEnergy(move, sums.lowerPower[at], sums.upperPower[at]);
      }
      cells.push({ at, ratio, fullMove, worth, cost });
    }
  }
  return cells;
}

/** Per cell, the option maximizing trusted evidence − price · energy, and the energy of those choices. */
function choose(cells: CellOptions[], price: number): { steps: Uint8Array; energy: number } {
  const steps = new Uint8Array(cells.length);
  let energy = 0;
  cells.forEach((c, i) => {
    let best = -Infinity;
    for (let j = 0; j <= MOVE_STEPS; j++) {
      const value = c.worth[j] - price * c.cost[j];
      if (value > best) {
        best = value;
        steps[i] = j;
      }
    }
    energy += c.cost[steps[i]];
  });
  return { steps, energy };
}

/**
 * Target log ratio per patch start (t · COLUMNS + column) of every non-silent cell. The added energy (in the STFT's
 * power units) stays within `budget`: each cell's share is priced by bisection on one Lagrange multiplier, so energy goes
 * where a reading under `noisePerBin` gains the most from it (not into loud cells, which are costly, nor into cells the
 * noise will drown). On 180 synthesized sentences under 20 dB-SNR white noise (step 0.7, band from 750 Hz) this read
 * back 534 of 540 where moving every cell the same share of the way read back 472 (docs/watermark.md).
 */
export function cellTargets(sums: PatchSums, chips: Int8Array, noisePerBin: number, budget: number): Map<number, number> {
  const cells = cellOptions(sums, chips, noisePerBin);
  let pick = choose(cells, 0);
  if (pick.energy > budget) {
    let cheap = 1e-12;
    let dear = 1e12;
    for (let i = 0; i < 60; i++) {
      const price = Math.sqrt(cheap * dear);
      if (choose(cells, price).energy > budget) cheap = price;
      else dear = price;
    }
    pick = choose(cells, dear);
  }
  const targets = new Map<number, number>();
  cells.forEach((c, i) => targets.set(c.at, c.ratio + (c.fullMove * pick.steps[i]) / MOVE_STEPS));
  return targets;
}
