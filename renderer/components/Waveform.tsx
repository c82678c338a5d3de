// A take's waveform with two trim handles: drag them (or use the arrow keys on a focused handle) to keep only the
// speech; the greyed parts are left out of what the engine receives.
import { useMemo, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { peaks } from '../audio/peaks';
import { formatSeconds } from '../format';

const WIDTH = 600;
const HEIGHT = 72;
/** Shortest part the handles may keep (seconds). */
const MIN_KEEP = 0.2;

interface Props {
  samples: Float32Array;
  sampleRate: number;
  trim: { start: number; end: number };
  onTrim(trim: { start: number; end: number }): void;
}

export function Waveform({ samples, sampleRate, trim, onTrim }: Props) {
  const svg = useRef<SVGSVGElement>(null);
  const duration = samples.length / sampleRate;
  const outline = useMemo(() => {
    const cols = peaks(samples, WIDTH / 2);
    const mid = HEIGHT / 2;
    return cols.map((p, i) => `M${i * 2 + 1} ${mid - p.max * mid}V${mid - p.min * mid + 0.5}`).join('');
  }, [samples]);
  const x = (s: number) => (duration > 0 ? (s / duration) * WIDTH : 0);

  const move = (which: 'start' | 'end', seconds: number) => {
    const s = Math.min(duration, Math.max(0, seconds));
    if (which === 'start') onTrim({ start: Math.min(s, trim.end - MIN_KEEP), end: trim.end });
    else onTrim({ start: trim.start, end: Math.max(s, trim.start + MIN_KEEP) });
  };
  const drag = (which: 'start' | 'end') => (e: PointerEvent<SVGRectElement>) => {
    if (e.buttons !== 1 || !svg.current) return;
    const box = svg.current.getBoundingClientRect();
    move(which, ((e.clientX - box.left) / box.width) * duration);
  };
  const nudge = (which: 'start' | 'end') => (e: KeyboardEvent<SVGRectElement>) => {
    const step = e.shiftKey ? 0.5 : 0.05;
    if (e.key === 'ArrowLeft') move(which, trim[which] - step);
    else if (e.key === 'ArrowRight') move(which, trim[which] + step);
    else return;
    e.preventDefault();
    e.stopPropagation();
  };
  const handle = (which: 'start' | 'end') => (
    <rect
      className="trim-handle"
      x={x(trim[which]) - 4}
      y={0}
      width={8}
      height={HEIGHT}
      tabIndex={0}
      role="slider"
      aria-label={which === 'start' ? 'Trim start' : 'Trim end'}
      aria-valuemin={0}
      aria-valuemax={duration}
      aria-valuenow={trim[which]}
      onPointerDown={(e) => e.currentTarget.setPointerCapture(e.pointerId)}
      onPointerMove={drag(which)}
      onKeyDown={nudge(which)}
    />
  );

  return (
    <div className="waveform">
      <svg ref={svg} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" role="img" aria-label="Waveform">
        <path d={outline} className="wave" />
        <rect className="trimmed" x={0} y={0} width={x(trim.start)} height={HEIGHT} />
        <rect className="trimmed" x={x(trim.end)} y={0} width={WIDTH - x(trim.end)} height={HEIGHT} />
        {handle('start')}
        {handle('end')}
      </svg>
      <div className="waveform-times muted">
        <span>keep {formatSeconds(trim.start)}</span>
        <span>to {formatSeconds(trim.end)}</span>
        <span>of {formatSeconds(duration)}</span>
      </div>
    </div>
  );
}
