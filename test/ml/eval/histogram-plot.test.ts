// Histogram pictures: bin shares are exact on known values, and the renderer writes a real PNG of the right size.
import { describe, expect, it } from 'vitest';
import { histogram, histogramPng, histogramSvg, tickStep } from '../../../ml/eval/histogram-plot';

describe('histogram', () => {
  it('counts shares per bin and clamps values outside the range', () => {
    expect(histogram([0, 0.1, 0.6, 0.9, 5, -5], 0, 1, 2)).toEqual([3 / 6, 3 / 6]);
    expect(histogram([0.25, 0.3, 0.8], 0, 1, 4)).toEqual([0, 2 / 3, 0, 1 / 3]);
  });
});

describe('tickStep', () => {
  it('picks 1, 2 or 5 times a power of ten with at most 12 ticks', () => {
    expect(tickStep(1.2)).toBeCloseTo(0.1, 12);
    expect(tickStep(1)).toBeCloseTo(0.1, 12);
    expect(tickStep(2)).toBeCloseTo(0.2, 12);
    expect(tickStep(0.03)).toBeCloseTo(0.005, 12);
  });
});

describe('histogramPng', () => {
  const panels = [
    { title: 'A & B', min: -1, max: 1, series: [{ label: 'same', color: '#1f77b4', values: [0.5, 0.6] }, { label: 'different', color: '#d62728', values: [0, 0.1] }], marker: { value: 0.3, label: 'EER threshold' } },
    { title: 'second', min: 0.9, max: 1, series: [{ label: 'x', color: '#000', values: [0.95] }] },
  ];

  it('renders a PNG whose size follows the panel count', () => {
    const png = histogramPng(panels, { bins: 20, xLabel: 'cosine', width: 400, panelHeight: 200 });
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(400);
    expect(png.readUInt32BE(20)).toBe(400);
  });

  it('escapes titles and refuses an empty range', () => {
    expect(histogramSvg(panels, { bins: 5, xLabel: 'x' })).toContain('A &amp; B');
    expect(() => histogramSvg([{ ...panels[0], min: 1, max: 1 }], { bins: 5, xLabel: 'x' })).toThrow(/max > min/);
  });
});
