// The report's SVG charts: one line and marker set per method at the N positions, dashed reference levels, log bars,
// and refusals of values that cannot be drawn.
import { describe, expect, it } from 'vitest';
import { lineChartSvg, logBarChartSvg } from '../../../../ml/eval/bench/charts';

const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;

describe('lineChartSvg', () => {
  const svg = lineChartSvg({
    title: 'EER <clones>',
    yLabel: 'EER (%)',
    xs: [1, 5],
    series: [
      { label: 'adapt-embedding', color: '#f00', points: [[1, 40], [5, 30]] },
      { label: 'adapt-whole', color: '#0f0', points: [[1, 20]] },
    ],
    references: [
      { label: 'real recordings', value: 10, color: '#000' },
      { label: 'TTS trained voices', value: 15, color: '#777' },
    ],
    yMax: 100,
  });

  it('draws one polyline per method with a marker per point, and each dashed reference with its legend', () => {
    expect(count(svg, /<polyline /g)).toBe(2);
    expect(count(svg, /<circle /g)).toBe(3);
    expect(count(svg, /stroke-dasharray="5 3"/g)).toBe(4); // two levels, two legend swatches
    expect(svg).toContain('real recordings');
    expect(svg).toContain('TTS trained voices');
    expect(svg).toContain('EER &lt;clones&gt;');
  });

  it('puts equal values at equal heights and higher values higher', () => {
    const ys = [...svg.matchAll(/<circle cx="[\d.]+" cy="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(ys[0]).toBeLessThan(ys[1]); // 40 above 30
    expect(ys[1]).toBeLessThan(ys[2]); // 30 above 20
  });

  it('refuses values that are not finite', () => {
    expect(() => lineChartSvg({ title: 't', yLabel: 'y', xs: [1], series: [{ label: 'a', color: '#000', points: [[1, NaN]] }] })).toThrow(/finite/);
  });
});

describe('logBarChartSvg', () => {
  it('draws a labelled bar per method on a log axis', () => {
    const svg = logBarChartSvg('Bytes', 'bytes', [
      { label: 'adapt-embedding', color: '#f00', value: 256 },
      { label: 'adapt-whole', color: '#0f0', value: 881536 },
    ]);
    expect(count(svg, /<rect [^>]*fill="#(f00|0f0)"/g)).toBe(2);
    expect(svg).toContain('>256<');
    expect(svg).toContain('>881536<');
    expect(svg).toContain('1e2');
    expect(svg).toContain('1e6');
  });

  it('refuses a bar of zero', () => {
    expect(() => logBarChartSvg('Bytes', 'bytes', [{ label: 'x', color: '#000', value: 0 }])).toThrow(/positive/);
  });
});
