// Console progress for the bench: a bar, cells done of total, and the time left estimated from the cells measured so
// far (cells read from the cache finish at once, so they do not count toward the rate) shared among the workers.

export interface BenchProgress {
  done: number;
  total: number;
  /** Cells measured (not read from the cache) in this run, and the seconds they took. */
  measured: number;
  measuredSeconds: number;
  /** What is being worked on now. */
  label: string;
  /** Processes measuring cells side by side (the time left divides among them); 1 when absent. */
  workers?: number;
}

/** 75 → "1m15s", 3725 → "1h02m"; under a minute in whole seconds. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** One progress line: `[#####-----]  3/12  25 %  ETA 1m05s  <label>`; ETA is `?` until a cell has been measured. */
export function formatProgress(p: BenchProgress, width = 24): string {
  const share = p.total === 0 ? 1 : p.done / p.total;
  const filled = Math.round(share * width);
  const eta = p.measured === 0 ? '?' : formatDuration(((p.measuredSeconds / p.measured) * (p.total - p.done)) / (p.workers ?? 1));
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${p.done}/${p.total} ${String(Math.round(share * 100)).padStart(3)} % ETA ${eta}  ${p.label}`;
}

/** Writes progress to a stream: redrawn in place on a terminal, one line per update otherwise. */
export function consoleProgress(stream: NodeJS.WriteStream = process.stderr): (p: BenchProgress) => void {
  return (p) => {
    const line = formatProgress(p);
    if (stream.isTTY) stream.write(`\r${line.padEnd(stream.columns ?? 100).slice(0, (stream.columns ?? 100) - 1)}${p.done === p.total ? '\n' : ''}`);
    else stream.write(`${line}\n`);
  };
}
