// Library: the saved voices — rename, delete (with undo), export to a file, import one —, the map of all voices
// showing where the person's voices sit among the built-in ones, and a check of files for the app's watermark.
import { useEffect, useState } from 'react';
import { hasSpectrumMatch, type VoicePoint, type VoiceSpectrum, type VoiceSummary } from '../../ml/api';
import { api } from '../api';
import { SpectrumCurve } from '../components/SpectrumCurve';
import { VoiceMap } from '../components/VoiceMap';
import { WatermarkCheck } from '../components/WatermarkCheck';
import { formatBytes } from '../format';
import { useStudio } from '../state/studio';

function fileNameFor(v: VoiceSummary): string {
  return `${v.name.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 80) || 'voice'}.voice`;
}

function VoiceRow({ voice, onChanged }: { voice: VoiceSummary; onChanged(): void }) {
  const { attempt, notify } = useStudio();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(voice.name);
  const [spectrum, setSpectrum] = useState<VoiceSpectrum | null>(null);
  useEffect(() => {
    if (voice.method === 'trained' || !hasSpectrumMatch(voice.method)) return;
    void attempt('Could not read the timbre match', () => api.voiceSpectrum(voice.id)).then((s) => s && setSpectrum(s));
  }, [voice.id]);

  const rename = async () => {
    setEditing(false);
    if (name.trim() === '' || name.trim() === voice.name) return setName(voice.name);
    if (await attempt('Could not rename', () => api.renameVoice(voice.id, name.trim()))) onChanged();
  };
  const remove = async () => {
    if ((await attempt('Could not delete', () => api.deleteVoice(voice.id))) === null) return;
    onChanged();
    notify('info', `Deleted ${voice.name}.`, {
      label: 'Undo',
      run: () => void attempt('Could not restore', () => api.restoreVoice(voice.id)).then(onChanged),
    });
  };
  const exportVoice = async () => {
    const bytes = await attempt('Could not export', () => api.exportVoice(voice.id));
    if (!bytes) return;
    const r = await attempt('Could not save', () => api.saveFile('voice', fileNameFor(voice), bytes));
    if (r?.saved) notify('info', `Exported ${voice.name} to ${r.name}.`);
  };

  return (
    <tr data-testid="voice-row">
      <td>
        {editing ? (
          <input
            autoFocus
            value={name}
            maxLength={120}
            aria-label="New name"
            onChange={(e) => setName(e.target.value)}
            onBlur={() => void rename()}
            onKeyDown={(e) => {
              if (e.key === 'Enter') void rename();
              if (e.key === 'Escape') {
                setName(voice.name);
                setEditing(false);
              }
            }}
          />
        ) : (
          <strong>{voice.name}</strong>
        )}
      </td>
      <td>{voice.builtin ? 'built-in' : voice.method}</td>
      <td>{voice.createdAt ? new Date(voice.createdAt).toLocaleString() : '—'}</td>
      <td>{formatBytes(voice.bytes)}</td>
      <td>{spectrum ? <SpectrumCurve spectrum={spectrum} /> : <span className="muted">{voice.method !== 'trained' && !hasSpectrumMatch(voice.method) ? 'in its layers' : '—'}</span>}</td>
      <td>
        {!voice.builtin && (
          <div className="buttons">
            <button onClick={() => setEditing(true)}>Rename</button>
            <button onClick={() => void exportVoice()}>Export</button>
            <button className="quiet" onClick={() => void remove()}>
              Delete
            </button>
          </div>
        )}
      </td>
    </tr>
  );
}

export function LibraryScreen({ onCompare }: { onCompare(): void }) {
  const { voices, refreshVoices, newVoiceId, attempt, notify } = useStudio();
  const [points, setPoints] = useState<VoicePoint[]>([]);

  const reload = () => {
    void refreshVoices();
    void attempt('Could not draw the map', () => api.voiceMap()).then((p) => p && setPoints(p));
  };
  useEffect(reload, []);

  const importVoice = async () => {
    const bytes = await attempt('Could not open', () => api.pickVoiceFile());
    if (!bytes) return;
    const v = await attempt('Could not import', () => api.importVoice(bytes));
    if (v) {
      notify('info', `Imported ${v.name}.`);
      reload();
    }
  };

  const mine = voices.filter((v) => !v.builtin);
  const builtin = voices.filter((v) => v.builtin);
  const newest = newVoiceId ?? mine[mine.length - 1]?.id ?? null;
  return (
    <section className="screen library">
      <div className="panel">
        <div className="panel-head">
          <h2>Your voices</h2>
          <div className="buttons">
            <button onClick={() => void importVoice()}>Import a voice…</button>
            <button className="primary" disabled={voices.length === 0} onClick={onCompare}>
              Compare voices →
            </button>
          </div>
        </div>
        {mine.length === 0 ? (
          <p className="empty">No voices yet: record a few sentences and clone one.</p>
        ) : (
          <table className="voices">
            <thead>
              <tr>
                <th>Name</th>
                <th>Made by</th>
                <th>Created</th>
                <th>Size</th>
                <th title="How the voice lifts (above the line) or lowers (below) the model's speech, low frequencies left, high right">Timbre match</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {mine.map((v) => (
                <VoiceRow key={`${v.id}:${v.name}`} voice={v} onChanged={reload} />
              ))}
            </tbody>
          </table>
        )}
        <details>
          <summary>{builtin.length} built-in voices</summary>
          <p className="muted">{builtin.map((v) => v.name).join(', ')}</p>
        </details>
      </div>
      <div className="panel">
        <h2>Where your voice sits</h2>
        {points.length > 0 ? <VoiceMap points={points} highlight={newest} /> : <p className="muted">No voices to map yet.</p>}
      </div>
      <WatermarkCheck />
    </section>
  );
}
