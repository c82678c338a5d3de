// Peak and RMS level of a block of samples in dBFS, for the live level meter.

export interface FrameLevels {
  peakDb: number;
  rmsDb: number;
}

export function frameLevels(x: Float32Array): FrameLevels {
  let peak = 0;
  let sum = 0;
  for (let i = 0; i < x.length; i++) {
    const a = Math.abs(x[i]);
    if (a > peak) peak = a;
    sum += x[i] * x[i];
  }
  const rms = x.length > 0 ? Math.sqrt(sum / x.length) : 0;
  return { peakDb: 20 * Math.log10(peak), rmsDb: 20 * Math.log10(rms) };
}

/** A level in dBFS as a 0..1 meter position over the range [floorDb, 0]. */
export function meterPosition(db: number, floorDb = -60): number {
  if (!Number.isFinite(db)) return 0;
  return Math.min(1, Math.max(0, (db - floorDb) / -floorDb));
}
