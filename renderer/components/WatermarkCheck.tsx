// Checks audio files for the app's watermark: which voice of this library spoke them, a voice from elsewhere, or no
// mark found; one row per file, filled in as each is checked.
import { useState } from 'react';
import type { WatermarkReport } from '../../ml/api';
import { api } from '../api';
import { verdictOf } from '../library/watermark-verdict';
import { useStudio } from '../state/studio';

export function WatermarkCheck() {
  const { attempt } = useStudio();
  const [reports, setReports] = useState<WatermarkReport[]>([]);
  const [checking, setChecking] = useState<string | null>(null);

  const check = async () => {
    const files = await attempt('Could not open', () => api.pickAudioFiles());
    if (!files || files.length === 0) return;
    setReports([]);
    for (const f of files) {
      setChecking(f.name);
      const r = await attempt(`Could not check ${f.name}`, () => api.checkWatermark(f));
      if (r) setReports((prev) => [...prev, r]);
    }
    setChecking(null);
  };

  return (
    <div className="panel watermark-check">
      <div className="panel-head">
        <h2>Was it made here?</h2>
        <button disabled={checking !== null} onClick={() => void check()}>
          Check files for the watermark…
        </button>
      </div>
      <p className="muted">Everything this app speaks carries an inaudible mark naming the voice. Pick audio files to see if they carry it.</p>
      {checking && <p className="muted" role="status">Checking {checking}…</p>}
      {reports.length > 0 && (
        <ul className="verdicts">
          {reports.map((r, i) => {
            const v = verdictOf(r);
            return (
              <li key={`${i}:${r.name}`} data-testid="watermark-verdict">
                <strong>{r.name}</strong> <span className={`badge ${v.tone}`}>{v.badge}</span> <span>{v.text}</span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
