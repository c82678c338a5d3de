// How figures read on screen: durations, time left, sizes, levels and percentages.

/** 3.2 s, 1 min 05 s. */
export function formatSeconds(s: number): string {
  if (!Number.isFinite(s)) return '—';
  if (s < 60) return `${s.toFixed(s < 10 ? 1 : 0)} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${String(Math.round(s - m * 60)).padStart(2, '0')} s`;
}

/** 512 B, 3.4 KB, 12.0 MB (powers of 1024). */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}

/** -12.3 dBFS; silence reads as -∞. */
export function formatDb(db: number): string {
  return Number.isFinite(db) ? `${db.toFixed(1)} dBFS` : '-∞ dBFS';
}

/** 0.873 → 87 %. */
export function formatPercent(p: number): string {
  return `${Math.round(p * 100)} %`;
}
