// Waveform outline: min and max of the samples falling in each of `columns` equal slices.

export interface Peak {
  min: number;
  max: number;
}

export function peaks(samples: Float32Array, columns: number): Peak[] {
  const out: Peak[] = [];
  if (samples.length === 0 || columns <= 0) return out;
  for (let c = 0; c < columns; c++) {
    const from = Math.floor((c * samples.length) / columns);
    const to = Math.max(from + 1, Math.floor(((c + 1) * samples.length) / columns));
    let min = Infinity;
    let max = -Infinity;
    for (let i = from; i < to && i < samples.length; i++) {
      if (samples[i] < min) min = samples[i];
      if (samples[i] > max) max = samples[i];
    }
    out.push({ min: Number.isFinite(min) ? min : 0, max: Number.isFinite(max) ? max : 0 });
  }
  return out;
}
