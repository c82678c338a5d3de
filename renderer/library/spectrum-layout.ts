// Draws a voice's spectrum match (gain in dB per mel band) as an SVG path on a log-frequency axis, and says in words
// where it lifts and lowers the model's speech most.
import type { VoiceSpectrum } from '../../ml/api';

/** The vertical axis spans at least ±this many dB, so a nearly flat match looks flat. */
const MIN_SPAN_DB = 3;

export interface CurveLayout {
  /** SVG path through every band. */
  path: string;
  /** y of 0 dB. */
  zeroY: number;
  /** dB at the top edge (and, negated, the bottom one). */
  spanDb: number;
}

export function layoutCurve(spectrum: VoiceSpectrum, width: number, height: number, margin: number): CurveLayout {
  const { hz, db } = spectrum;
  if (hz.length < 2 || hz.length !== db.length || hz.some((f) => !(f > 0))) throw new Error('A spectrum curve needs two or more bands with positive frequencies.');
  const spanDb = Math.max(MIN_SPAN_DB, ...db.map(Math.abs));
  const [lo, hi] = [Math.log(hz[0]), Math.log(hz[hz.length - 1])];
  const x = (f: number) => margin + ((Math.log(f) - lo) / (hi - lo)) * (width - 2 * margin);
  const y = (g: number) => height / 2 - (g / spanDb) * (height / 2 - margin);
  const path = hz.map((f, i) => `${i === 0 ? 'M' : 'L'}${x(f).toFixed(1)} ${y(db[i]).toFixed(1)}`).join(' ');
  return { path, zeroY: height / 2, spanDb };
}

const hzText = (f: number) => (f >= 1000 ? `${(f / 1000).toFixed(1)} kHz` : `${Math.round(f)} Hz`);

/** One line: the largest lift and cut, and where. */
export function describeCurve({ hz, db }: VoiceSpectrum): string {
  const up = db.indexOf(Math.max(...db));
  const down = db.indexOf(Math.min(...db));
  return `Timbre match: up to +${db[up].toFixed(1)} dB near ${hzText(hz[up])}, down to ${db[down].toFixed(1)} dB near ${hzText(hz[down])}.`;
}
