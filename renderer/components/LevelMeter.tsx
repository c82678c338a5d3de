// Live input level: a bar with the RMS level, a peak tick, and a word on whether the level is good.
import { useEffect, useState } from 'react';
import { meterPosition, type FrameLevels } from '../audio/levels';
import type { Recorder } from '../audio/recorder';
import { formatDb } from '../format';

function verdict(l: FrameLevels): { text: string; tone: 'low' | 'ok' | 'hot' } {
  if (l.peakDb > -1) return { text: 'Too loud — move back or lower the gain', tone: 'hot' };
  if (l.rmsDb < -50) return { text: 'Quiet — speak up or move closer', tone: 'low' };
  return { text: 'Good level', tone: 'ok' };
}

export function LevelMeter({ recorder }: { recorder: Recorder | null }) {
  const [level, setLevel] = useState<FrameLevels>({ peakDb: -Infinity, rmsDb: -Infinity });
  useEffect(() => {
    if (!recorder) return;
    let frame = 0;
    const tick = () => {
      setLevel(recorder.level());
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [recorder]);
  const v = verdict(level);
  return (
    <div className="meter" aria-label="Input level">
      <div className="meter-track">
        <div className={`meter-fill ${v.tone}`} style={{ width: `${meterPosition(level.rmsDb) * 100}%` }} />
        <div className="meter-peak" style={{ left: `${meterPosition(level.peakDb) * 100}%` }} />
      </div>
      <div className="meter-text">
        {recorder ? (
          <>
            <span className={`tone-${v.tone}`}>{v.text}</span> <span className="muted">peak {formatDb(level.peakDb)}</span>
          </>
        ) : (
          <span className="muted">Microphone off</span>
        )}
      </div>
    </div>
  );
}
