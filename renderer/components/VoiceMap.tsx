// The 2-D map of every voice's embedding (first two principal components): built-in voices in grey, the person's
// voices in colour, the newest one ringed, so a person sees where their voice sits among the others.
import type { VoicePoint } from '../../ml/api';
import { layoutPoints } from '../library/map-layout';

const W = 520;
const H = 360;

export function VoiceMap({ points, highlight }: { points: VoicePoint[]; highlight: string | null }) {
  const placed = layoutPoints(points, W, H, 36);
  return (
    <figure className="voice-map">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label="Map of voices" data-testid="voice-map">
        <rect className="map-bg" x={0} y={0} width={W} height={H} rx={8} />
        <line className="axis" x1={W / 2} y1={12} x2={W / 2} y2={H - 12} />
        <line className="axis" x1={12} y1={H / 2} x2={W - 12} y2={H / 2} />
        {placed
          .slice()
          .sort((a, b) => Number(a.id === highlight) - Number(b.id === highlight) || Number(!a.builtin) - Number(!b.builtin))
          .map((p) => (
            <g key={p.id} className={p.builtin ? 'pt builtin' : 'pt mine'} transform={`translate(${p.px} ${p.py})`}>
              {p.id === highlight && <circle r={11} className="ring" />}
              <circle r={p.builtin ? 4 : 6} />
              <text x={9} y={4}>
                {p.builtin && p.id !== highlight ? '' : p.name}
              </text>
              <title>{`${p.name}${p.builtin ? ' (built-in)' : ''}`}</title>
            </g>
          ))}
      </svg>
      <figcaption className="muted">
        Each dot is a voice; nearby dots sound alike to the speaker encoder. Grey: built-in voices (hover for names).
      </figcaption>
    </figure>
  );
}
