// Draws overlaid score histograms (e.g. same- vs different-speaker cosines) as an SVG and renders it to PNG with
// @resvg/resvg-js, so evaluation scripts can put pictures in docs/ without a browser.

import { Resvg } from '@resvg/resvg-js';
import { VoiceCloneError } from '../errors';

export interface HistogramSeries {
  label: string;
  color: string;
  values: ArrayLike<number>;
}

export interface HistogramPanel {
  title: string;
  series: HistogramSeries[];
  /** Value range of this panel's x axis. */
  min: number;
  max: number;
  /** A vertical marker, e.g. the EER threshold. */
  marker?: { value: number; label: string };
}

export interface HistogramOptions {
  /** Bins per panel. */
  bins: number;
  xLabel: string;
  width?: number;
  panelHeight?: number;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Share of values in each of `bins` equal bins over [min, max] (values outside are clamped to the end bins). */
export function histogram(values: ArrayLike<number>, min: number, max: number, bins: number): number[] {
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < values.length; i++) {
    const k = Math.min(bins - 1, Math.max(0, Math.floor(((values[i] - min) / (max - min)) * bins)));
    counts[k]++;
  }
  return counts.map((c) => c / Math.max(1, values.length));
}

/** A round tick spacing (1, 2 or 5 × 10ⁿ) giving at most 12 ticks over `span`. */
export function tickStep(span: number): number {
  const base = 10 ** Math.floor(Math.log10(span / 12));
  return [1, 2, 5, 10].map((m) => m * base).find((st) => span / st <= 12) ?? 10 * base;
}

/** SVG of one panel per row, each with its series as translucent step histograms normalized to share per bin. */
export function histogramSvg(panels: readonly HistogramPanel[], opts: HistogramOptions): string {
  if (panels.length === 0 || panels.some((p) => !(p.max > p.min)) || !(opts.bins >= 1)) {
    throw new VoiceCloneError('BAD_ARGUMENT', 'A histogram plot needs at least one panel, max > min and at least one bin.');
  }
  const width = opts.width ?? 800;
  const ph = opts.panelHeight ?? 260;
  const m = { left: 60, right: 20, top: 36, bottom: 44 };
  const pw = width - m.left - m.right;
  const inner = ph - m.top - m.bottom;
  const parts: string[] = [];
  panels.forEach((panel, p) => {
    const x = (v: number) => m.left + ((v - panel.min) / (panel.max - panel.min)) * pw;
    const y0 = p * ph;
    const hists = panel.series.map((s) => histogram(s.values, panel.min, panel.max, opts.bins));
    const top = Math.max(...hists.flat(), 1e-9) * 1.1;
    const y = (share: number) => y0 + m.top + inner - (share / top) * inner;
    parts.push(`<text x="${width / 2}" y="${y0 + 22}" text-anchor="middle" font-size="16" font-weight="bold">${esc(panel.title)}</text>`);
    parts.push(`<rect x="${m.left}" y="${y0 + m.top}" width="${pw}" height="${inner}" fill="none" stroke="#444"/>`);
    const step = tickStep(panel.max - panel.min);
    for (let k = Math.ceil(panel.min / step - 1e-9); k * step <= panel.max + 1e-9; k++) {
      const v = k * step;
      parts.push(`<line x1="${x(v)}" x2="${x(v)}" y1="${y0 + m.top + inner}" y2="${y0 + m.top + inner + 5}" stroke="#444"/>`);
      parts.push(`<text x="${x(v)}" y="${y0 + m.top + inner + 18}" text-anchor="middle" font-size="11">${Number(v.toFixed(6))}</text>`);
    }
    parts.push(`<text x="${m.left + pw / 2}" y="${y0 + ph - 8}" text-anchor="middle" font-size="12">${esc(opts.xLabel)}</text>`);
    parts.push(`<text x="16" y="${y0 + m.top + inner / 2}" font-size="12" transform="rotate(-90 16 ${y0 + m.top + inner / 2})" text-anchor="middle">share of trials</text>`);
    hists.forEach((h, s) => {
      const step = pw / opts.bins;
      let d = `M ${m.left} ${y(0)}`;
      h.forEach((share, k) => (d += ` L ${m.left + k * step} ${y(share)} L ${m.left + (k + 1) * step} ${y(share)}`));
      d += ` L ${m.left + pw} ${y(0)} Z`;
      const c = panel.series[s].color;
      parts.push(`<path d="${d}" fill="${c}" fill-opacity="0.35" stroke="${c}" stroke-width="1.5"/>`);
      parts.push(`<rect x="${m.left + 12}" y="${y0 + m.top + 10 + s * 18}" width="12" height="12" fill="${c}" fill-opacity="0.6"/>`);
      parts.push(`<text x="${m.left + 30}" y="${y0 + m.top + 20 + s * 18}" font-size="12">${esc(panel.series[s].label)}</text>`);
    });
    if (panel.marker) {
      const mx = x(panel.marker.value);
      parts.push(`<line x1="${mx}" x2="${mx}" y1="${y0 + m.top}" y2="${y0 + m.top + inner}" stroke="#000" stroke-dasharray="4 3"/>`);
      parts.push(`<text x="${mx + 4}" y="${y0 + m.top + 14}" font-size="11">${esc(panel.marker.label)}</text>`);
    }
  });
  const height = ph * panels.length;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="DejaVu Sans, sans-serif"><rect width="${width}" height="${height}" fill="white"/>${parts.join('')}</svg>`;
}

/** PNG bytes of histogramSvg. */
export function histogramPng(panels: readonly HistogramPanel[], opts: HistogramOptions): Buffer {
  const svg = histogramSvg(panels, opts);
  return new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render().asPng();
}
