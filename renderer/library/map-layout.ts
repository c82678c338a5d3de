// Places voice-map points in an SVG box: one scale for both axes (distances stay true), centred, with a margin.
import type { VoicePoint } from '../../ml/api';

export interface PlacedPoint extends VoicePoint {
  px: number;
  py: number;
}

export function layoutPoints(points: readonly VoicePoint[], width: number, height: number, margin: number): PlacedPoint[] {
  if (points.length === 0) return [];
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const spanX = maxX - minX;
  const spanY = maxY - minY;
  const scale = Math.min(
    spanX > 0 ? (width - 2 * margin) / spanX : Infinity,
    spanY > 0 ? (height - 2 * margin) / spanY : Infinity,
  );
  const s = Number.isFinite(scale) ? scale : 0;
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  // SVG y grows downwards; flip so the map reads like a plot.
  return points.map((p) => ({ ...p, px: width / 2 + (p.x - cx) * s, py: height / 2 - (p.y - cy) * s }));
}
