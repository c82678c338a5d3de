// Inline SVG charts for the bench report: a line chart of a figure against N (one line per method, like the paper's
// figures, with optional dashed reference levels) and a log-scale bar chart (bytes per method).

import { VoiceCloneError } from '../../errors';
import { tickStep } from '../histogram-plot';

export interface LineSeries {
  label: string;
  color: string;
  /** [N, value] pairs. */
  points: ReadonlyArray<readonly [number, number]>;
}

export interface LineChart {
  title: string;
  yLabel: string;
  /** The N values on the x axis, evenly spaced in this order. */
  xs: readonly number[];
  series: readonly LineSeries[];
  /** Horizontal dashed levels (e.g. the same figure on real recordings). */
  references?: readonly ChartReference[];
  /** Fixed y range; default 0 to 10 % above the largest value. */
  yMax?: number;
}

export interface ChartReference {
  label: string;
  value: number;
  color: string;
}

export interface Bar {
  label: string;
  color: string;
  value: number;
}

export const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const W = 560;
const H = 320;
const M = { left: 64, right: 150, top: 34, bottom: 46 };
const PW = W - M.left - M.right;
const PH = H - M.top - M.bottom;
const fmt = (v: number) => String(Number(v.toPrecision(6)));

function frame(title: string, xLabel: string, yLabel: string, body: string[]): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="DejaVu Sans, sans-serif" font-size="12">` +
    `<rect width="${W}" height="${H}" fill="white"/>` +
    `<text x="${M.left + PW / 2}" y="20" text-anchor="middle" font-size="14" font-weight="bold">${escapeHtml(title)}</text>` +
    `<rect x="${M.left}" y="${M.top}" width="${PW}" height="${PH}" fill="none" stroke="#444"/>` +
    `<text x="${M.left + PW / 2}" y="${H - 8}" text-anchor="middle">${escapeHtml(xLabel)}</text>` +
    `<text x="16" y="${M.top + PH / 2}" text-anchor="middle" transform="rotate(-90 16 ${M.top + PH / 2})">${escapeHtml(yLabel)}</text>` +
    body.join('') +
    '</svg>'
  );
}

function legend(items: ReadonlyArray<{ label: string; color: string; dashed?: boolean }>): string[] {
  return items.flatMap((it, k) => {
    const y = M.top + 12 + k * 18;
    const x = M.left + PW + 10;
    return [
      `<line x1="${x}" x2="${x + 18}" y1="${y}" y2="${y}" stroke="${it.color}" stroke-width="2"${it.dashed ? ' stroke-dasharray="5 3"' : ''}/>`,
      `<text x="${x + 24}" y="${y + 4}">${escapeHtml(it.label)}</text>`,
    ];
  });
}

/** SVG of `chart`: x positions are the N values evenly spaced, y linear from 0. */
export function lineChartSvg(chart: LineChart): string {
  if (chart.xs.length === 0) throw new VoiceCloneError('BAD_ARGUMENT', 'A line chart needs at least one x value.');
  const references = chart.references ?? [];
  const values = [...chart.series.flatMap((s) => s.points.map((p) => p[1])), ...references.map((r) => r.value)];
  if (values.some((v) => !Number.isFinite(v))) throw new VoiceCloneError('BAD_ARGUMENT', `Chart "${chart.title}" has a value that is not a finite number.`);
  const top = chart.yMax ?? Math.max(...values, 1e-9) * 1.1;
  const x = (n: number) => M.left + ((chart.xs.indexOf(n) + 0.5) / chart.xs.length) * PW;
  const y = (v: number) => M.top + PH - (v / top) * PH;
  const body: string[] = [];
  const step = tickStep(top);
  for (let v = 0; v <= top + 1e-9; v += step) {
    body.push(`<line x1="${M.left}" x2="${M.left + PW}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/>`);
    body.push(`<text x="${M.left - 6}" y="${y(v) + 4}" text-anchor="end">${fmt(v)}</text>`);
  }
  for (const n of chart.xs) body.push(`<text x="${x(n)}" y="${M.top + PH + 18}" text-anchor="middle">${n}</text>`);
  for (const r of references) {
    body.push(`<line x1="${M.left}" x2="${M.left + PW}" y1="${y(r.value)}" y2="${y(r.value)}" stroke="${r.color}" stroke-dasharray="5 3"/>`);
  }
  for (const s of chart.series) {
    const pts = s.points.filter(([n]) => chart.xs.includes(n)).map(([n, v]) => `${x(n)},${y(v)}`);
    body.push(`<polyline points="${pts.join(' ')}" fill="none" stroke="${s.color}" stroke-width="2"/>`);
    for (const p of pts) body.push(`<circle cx="${p.split(',')[0]}" cy="${p.split(',')[1]}" r="3.5" fill="${s.color}"/>`);
  }
  const items = [...chart.series.map((s) => ({ label: s.label, color: s.color })), ...references.map((r) => ({ label: r.label, color: r.color, dashed: true }))];
  return frame(chart.title, 'clips cloned from (N)', chart.yLabel, [...body, ...legend(items)]);
}

/** SVG bar chart on a log10 axis (values must be positive), each bar labelled with its value. */
export function logBarChartSvg(title: string, yLabel: string, bars: readonly Bar[]): string {
  if (bars.length === 0 || bars.some((b) => !(b.value > 0) || !Number.isFinite(b.value))) {
    throw new VoiceCloneError('BAD_ARGUMENT', `Bar chart "${title}" needs at least one bar, each a positive finite number.`);
  }
  const lo = Math.floor(Math.log10(Math.min(...bars.map((b) => b.value))));
  const hi = Math.ceil(Math.log10(Math.max(...bars.map((b) => b.value))) + 1e-9) + (bars.length === 1 ? 1 : 0);
  const span = Math.max(1, hi - lo);
  const y = (v: number) => M.top + PH - ((Math.log10(v) - lo) / span) * PH;
  const body: string[] = [];
  for (let e = lo; e <= lo + span; e++) {
    body.push(`<line x1="${M.left}" x2="${M.left + PW}" y1="${y(10 ** e)}" y2="${y(10 ** e)}" stroke="#ddd"/>`);
    body.push(`<text x="${M.left - 6}" y="${y(10 ** e) + 4}" text-anchor="end">1e${e}</text>`);
  }
  const slot = PW / bars.length;
  bars.forEach((b, k) => {
    const x0 = M.left + k * slot + slot * 0.2;
    body.push(`<rect x="${x0}" y="${y(b.value)}" width="${slot * 0.6}" height="${M.top + PH - y(b.value)}" fill="${b.color}"/>`);
    body.push(`<text x="${x0 + slot * 0.3}" y="${y(b.value) - 5}" text-anchor="middle">${fmt(b.value)}</text>`);
    body.push(`<text x="${x0 + slot * 0.3}" y="${M.top + PH + 18}" text-anchor="middle">${escapeHtml(b.label)}</text>`);
  });
  return frame(title, 'method', yLabel, body);
}
