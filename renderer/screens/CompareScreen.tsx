// Compare: one sentence spoken by several voices side by side, next to the person's real recording; per column
// the verifier's similarity to the real takes, cloning time and size; play, export WAV, and a blind A/B test.
import { useEffect, useState } from 'react';
import type { Similarity, Synthesis, VoiceSummary } from '../../ml/api';
import { api } from '../api';
import { togglePlay, usePlaying } from '../audio/player';
import { ListeningTest, type Source } from '../components/ListeningTest';
import { formatBytes, formatPercent, formatSeconds } from '../format';
import { useShortcuts } from '../keyboard';
import { useStudio } from '../state/studio';
import { takeFileName, takeWav, usableTakes } from '../state/takes';

const DEFAULT_TEXT = 'Please call Stella and ask her to bring these things with her from the store.';
/** Columns shown at once. */
const MAX_COLUMNS = 4;

interface Column {
  synthesis: Synthesis | null;
  similarity: Similarity | null;
  busy: boolean;
}

function wavName(voice: string, text: string): string {
  const words = text.toLowerCase().replace(/[^a-z0-9 ]/g, '').split(' ').filter(Boolean).slice(0, 5).join('-');
  return `${voice.replace(/[^A-Za-z0-9_-]+/g, '-')}_${words || 'speech'}.wav`.slice(0, 110);
}

export function CompareScreen() {
  const { voices, takes, newVoiceId, cloneSeconds, attempt, notify } = useStudio();
  const [text, setText] = useState(DEFAULT_TEXT);
  const [spokenText, setSpokenText] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [columns, setColumns] = useState<Record<string, Column>>({});
  const playing = usePlaying();

  // First visit: the newest own voice and some built-in ones; later, a newly cloned voice joins in front.
  useEffect(() => {
    if (voices.length === 0) return;
    setChosen((current) => {
      const known = current.filter((id) => voices.some((v) => v.id === id));
      const mine = voices.filter((v) => !v.builtin);
      const lead = voices.find((v) => v.id === newVoiceId) ?? (known.length === 0 ? mine[mine.length - 1] : undefined);
      if (known.length === 0) {
        const builtins = voices.filter((v) => v.builtin).slice(0, lead ? 2 : 3).map((v) => v.id);
        return lead ? [lead.id, ...builtins] : builtins;
      }
      return lead && !known.includes(lead.id) ? [lead.id, ...known].slice(0, MAX_COLUMNS) : known;
    });
  }, [voices, newVoiceId]);

  const real = usableTakes(takes);
  const references = real.map((t) => ({ name: takeFileName(t), bytes: takeWav(t) }));
  const shown = chosen.map((id) => voices.find((v) => v.id === id)).filter((v): v is VoiceSummary => v !== undefined);

  const setColumn = (id: string, change: Partial<Column>) =>
    setColumns((c) => {
      const base: Column = c[id] ?? { synthesis: null, similarity: null, busy: false };
      return { ...c, [id]: { ...base, ...change } };
    });

  const speakAll = async () => {
    const sentence = text.trim();
    if (!sentence) return;
    setSpokenText(sentence);
    setColumns({});
    for (const v of shown) {
      setColumn(v.id, { busy: true });
      const synthesis = await attempt(`${v.name} could not speak`, () => api.synthesize(v.id, sentence));
      setColumn(v.id, { synthesis, busy: synthesis !== null && references.length > 0 });
      if (synthesis && references.length > 0) {
        const similarity = await attempt(`Similarity of ${v.name}`, () =>
          api.similarity({ name: wavName(v.name, sentence), bytes: synthesis.wav }, references),
        );
        setColumn(v.id, { similarity, busy: false });
      }
    }
  };

  const [realSimilarity, setRealSimilarity] = useState<Similarity | null>(null);
  useEffect(() => {
    setRealSimilarity(null);
    if (real.length < 2) return;
    // The first take against the others: how similar the person is to themself, as the verifier hears it.
    void api
      .similarity(references[0], references.slice(1))
      .then(setRealSimilarity, () => setRealSimilarity(null));
  }, [takes]);

  const exportWav = async (v: VoiceSummary, s: Synthesis) => {
    const r = await attempt('Could not export', () => api.saveFile('wav', wavName(v.name, spokenText), s.wav));
    if (r?.saved) notify('info', `Saved ${r.name}.`);
  };

  const sources: Source[] = shown.flatMap((v) => {
    const s = columns[v.id]?.synthesis;
    return s ? [{ name: v.name, wav: s.wav }] : [];
  });
  const reference: Source | null = real[0] ? { name: 'real recording', wav: takeWav(real[0]) } : null;

  useShortcuts({
    p: () => {
      const first = shown.find((v) => columns[v.id]?.synthesis);
      if (first) void attempt('Could not play', () => togglePlay(first.id, columns[first.id]!.synthesis!.wav));
    },
  });

  return (
    <section className="screen compare">
      <div className="panel">
        <label className="field">
          Sentence to speak
          <textarea value={text} maxLength={2000} rows={2} onChange={(e) => setText(e.target.value)} />
        </label>
        <fieldset className="voice-picker">
          <legend>Voices to compare (up to {MAX_COLUMNS})</legend>
          {voices.map((v) => (
            <label key={v.id} className={v.builtin ? 'chip' : 'chip mine'}>
              <input
                type="checkbox"
                checked={chosen.includes(v.id)}
                disabled={!chosen.includes(v.id) && chosen.length >= MAX_COLUMNS}
                onChange={(e) => setChosen(e.target.checked ? [...chosen, v.id] : chosen.filter((id) => id !== v.id))}
              />
              {v.name}
            </label>
          ))}
        </fieldset>
        <button
          className="primary"
          disabled={shown.length === 0 || text.trim() === '' || Object.values(columns).some((c) => c.busy)}
          onClick={() => void speakAll()}
        >
          Speak with {shown.length} voice{shown.length === 1 ? '' : 's'}
        </button>
      </div>
      <div className="columns">
        <div className="column real" data-testid="column-real">
          <h3>Real recording</h3>
          {reference ? (
            <>
              <p className="muted">{real[0].text || real[0].name}</p>
              <button onClick={() => void attempt('Could not play', () => togglePlay('real', reference.wav))}>
                {playing === 'real' ? 'Stop' : 'Play'}
              </button>
              <dl>
                <dt>Similarity of take 1 to your other takes</dt>
                <dd>{realSimilarity ? `${realSimilarity.cosine.toFixed(3)} (${formatPercent(realSimilarity.probability)} same speaker)` : real.length < 2 ? 'needs two takes' : '…'}</dd>
              </dl>
            </>
          ) : (
            <p className="muted">Record or import takes to hear yourself here and to measure similarity.</p>
          )}
        </div>
        {shown.map((v) => {
          const c = columns[v.id];
          const seconds = v.figures.cloneSeconds ?? cloneSeconds[v.id];
          return (
            <div key={v.id} className={v.id === newVoiceId ? 'column new' : 'column'} data-testid={`column-${v.id}`}>
              <h3>{v.name}</h3>
              <p className="muted">{v.builtin ? 'built-in voice' : v.method}</p>
              <div className="buttons">
                <button disabled={!c?.synthesis} onClick={() => void attempt('Could not play', () => togglePlay(v.id, c!.synthesis!.wav))}>
                  {playing === v.id ? 'Stop' : 'Play'}
                </button>
                <button disabled={!c?.synthesis} onClick={() => void exportWav(v, c!.synthesis!)}>
                  Export WAV
                </button>
              </div>
              <dl>
                <dt>Similarity to your takes</dt>
                <dd data-testid="similarity">
                  {c?.similarity
                    ? `${c.similarity.cosine.toFixed(3)} (${formatPercent(c.similarity.probability)} same speaker)`
                    : c?.busy
                      ? 'working…'
                      : references.length === 0
                        ? 'no takes to compare with'
                        : '—'}
                </dd>
                <dt>Cloning time</dt>
                <dd>{v.builtin ? '— (built in)' : seconds !== undefined ? formatSeconds(seconds) : 'not measured'}</dd>
                <dt>Size of the voice</dt>
                <dd>{formatBytes(v.bytes)}</dd>
                <dt>Speech length</dt>
                <dd>{c?.synthesis ? formatSeconds(c.synthesis.seconds) : '—'}</dd>
              </dl>
            </div>
          );
        })}
      </div>
      <ListeningTest sources={sources} reference={reference} text={spokenText} />
    </section>
  );
}
