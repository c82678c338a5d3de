// Clone: pick how to make the voice (each method's trade-off in one line), start once the owner's consent is
// recorded, watch progress with the time left, cancel if needed; the finished voice is saved in the library.
import { useEffect, useRef, useState } from 'react';
import type { CloneMethod, JobProgress, VoiceSummary } from '../../ml/api';
import { api, errorCode, errorMessage } from '../api';
import { formatBytes, formatSeconds } from '../format';
import { consentProblem } from '../state/consent';
import { useStudio } from '../state/studio';
import { takeFileName, takeWav, usableTakes } from '../state/takes';

const METHODS: { id: CloneMethod; title: string; tradeoff: string; needsText: boolean }[] = [
  {
    id: 'encode',
    title: 'Encode',
    tradeoff: 'Seconds: the speaker encoder hears your takes, places your voice and matches its tone colour — fastest, smallest.',
    needsText: false,
  },
  {
    id: 'adapt-embedding',
    title: 'Adapt the voice',
    tradeoff: 'Up to a minute: also tunes your voice code on your takes and their text — still tiny, about as close.',
    needsText: true,
  },
  {
    id: 'adapt-whole',
    title: 'Adapt the whole model',
    tradeoff: 'Up to a minute: also tunes the speech model’s voice layers — closest likeness, about half a megabyte per voice, needs text.',
    needsText: true,
  },
];

interface Running {
  jobId: string;
  started: number;
  progress: JobProgress | null;
}

/** Engine refusals that the Consent step fixes. */
const CONSENT_CODES = ['CONSENT_MISSING', 'CONSENT_REJECTED'];

interface Props {
  onCompare(): void;
  onRecord(): void;
  onConsent(): void;
}

export function CloneScreen({ onCompare, onRecord, onConsent }: Props) {
  const { takes, voiceName, statement, consent, refreshVoices, setNewVoiceId, recordCloneSeconds, notify } = useStudio();
  const [method, setMethod] = useState<CloneMethod>('encode');
  const [running, setRunning] = useState<Running | null>(null);
  const [done, setDone] = useState<{ voice: VoiceSummary; seconds: number } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const jobRef = useRef<string | null>(null);

  useEffect(
    () =>
      api.onProgress((p) => {
        if (p.jobId === jobRef.current) setRunning((r) => (r ? { ...r, progress: p } : r));
      }),
    [],
  );

  const usable = usableTakes(takes);
  const chosen = METHODS.find((m) => m.id === method)!;
  const missingText = chosen.needsText ? usable.filter((t) => t.text.trim() === '').length : 0;
  const consentIssue = consentProblem(consent, statement);
  const name = voiceName.trim();

  const startClone = async () => {
    if (!consent) return;
    const jobId = crypto.randomUUID();
    jobRef.current = jobId;
    setDone(null);
    setFailure(null);
    const started = performance.now();
    setRunning({ jobId, started, progress: null });
    try {
      const voice = await api.clone({
        jobId,
        name,
        method,
        clips: usable.map((t) => ({ name: takeFileName(t), bytes: takeWav(t), text: t.text })),
        consent: { name: takeFileName(consent), bytes: takeWav(consent), text: consent.text },
      });
      const seconds = (performance.now() - started) / 1000;
      recordCloneSeconds(voice.id, seconds);
      setNewVoiceId(voice.id);
      setDone({ voice, seconds });
      await refreshVoices();
    } catch (e) {
      const code = errorCode(e);
      if (code === 'CANCELLED') notify('info', 'Cloning cancelled.');
      else if (code !== null && CONSENT_CODES.includes(code)) {
        notify('error', `Cloning refused: ${errorMessage(e)}`, { label: 'Record the statement again', run: onConsent });
      } else setFailure(errorMessage(e));
    } finally {
      jobRef.current = null;
      setRunning(null);
    }
  };

  const p = running?.progress;
  const fraction = p && p.total > 0 ? p.step / p.total : 0;

  return (
    <section className="screen clone">
      <div className="panel">
        <h2>How should the voice be made?</h2>
        <div className="methods" role="radiogroup" aria-label="Cloning method">
          {METHODS.map((m) => (
            <label key={m.id} className={method === m.id ? 'method chosen' : 'method'}>
              <input
                type="radio"
                name="method"
                value={m.id}
                checked={method === m.id}
                disabled={running !== null}
                onChange={() => setMethod(m.id)}
              />
              <span>
                <strong>{m.title}</strong>
                <span className="muted">{m.tradeoff}</span>
              </span>
            </label>
          ))}
        </div>
        <p className="voice-name">
          Name of the new voice: <strong>{name || '—'}</strong>{' '}
          <button className="link" disabled={running !== null} onClick={onConsent}>
            change on the Consent step
          </button>
        </p>
        <p className="muted">
          From {usable.length} usable take{usable.length === 1 ? '' : 's'} (
          {formatSeconds(usable.reduce((s, t) => s + (t.report?.speechSeconds ?? 0), 0))} of speech).{' '}
          {usable.length === 0 && (
            <button className="link" onClick={onRecord}>
              Record some first.
            </button>
          )}
        </p>
        {missingText > 0 && (
          <p className="problem">
            {missingText} take{missingText === 1 ? ' has' : 's have'} no text; adaptation learns from what is said, so type it on
            the Record screen.
          </p>
        )}
        {consentIssue && (
          <p className="problem" data-testid="consent-needed">
            Consent: {consentIssue}{' '}
            <button className="link" onClick={onConsent}>
              Go to the Consent step.
            </button>
          </p>
        )}
        {running ? (
          <div className="progress" aria-live="polite">
            <div className="progress-bar" role="progressbar" aria-valuemin={0} aria-valuemax={1} aria-valuenow={fraction}>
              <div style={{ width: `${fraction * 100}%` }} />
            </div>
            <div className="progress-text">
              <span>{p ? `${p.stage} — step ${p.step} of ${p.total}` : 'Starting the engine…'}</span>
              {p?.loss != null && <span className="muted">loss {p.loss.toFixed(3)}</span>}
              <span>{p?.secondsLeft != null ? `about ${formatSeconds(p.secondsLeft)} left` : 'estimating time left…'}</span>
            </div>
            <button onClick={() => void api.cancel(running.jobId).catch((e: unknown) => notify('error', errorMessage(e)))}>
              Cancel
            </button>
          </div>
        ) : (
          <button
            className="primary"
            disabled={usable.length === 0 || name === '' || missingText > 0 || consentIssue !== null}
            onClick={() => void startClone()}
          >
            Clone my voice
          </button>
        )}
        {failure && <p className="problem">Cloning failed: {failure}</p>}
        {done && (
          <div className="clone-done" data-testid="clone-done">
            <p>
              <strong>{done.voice.name}</strong> is saved in your library — made in {formatSeconds(done.seconds)},{' '}
              {formatBytes(done.voice.bytes)}.
            </p>
            <button className="primary" onClick={onCompare}>
              Hear it on Compare →
            </button>
          </div>
        )}
      </div>
    </section>
  );
}
