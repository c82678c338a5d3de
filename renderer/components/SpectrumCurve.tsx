// A voice's long-term spectrum match as a small curve: above the line the voice lifts the model's speech in that
// frequency band, below it lowers it (the person's timbre and microphone, as heard in their clips).
import type { VoiceSpectrum } from '../../ml/api';
import { describeCurve, layoutCurve } from '../library/spectrum-layout';

const W = 160;
const H = 40;

export function SpectrumCurve({ spectrum }: { spectrum: VoiceSpectrum }) {
  const { path, zeroY, spanDb } = layoutCurve(spectrum, W, H, 3);
  const words = describeCurve(spectrum);
  return (
    <svg className="spectrum-curve" viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label={words} data-testid="spectrum-curve">
      <title>{`${words} Low frequencies left, high right; the scale spans ±${spanDb.toFixed(1)} dB.`}</title>
      <line className="zero" x1={0} y1={zeroY} x2={W} y2={zeroY} />
      <path d={path} />
    </svg>
  );
}
