// One take (a sentence, an imported file, the consent statement): its text, its waveform with trim handles,
// play / retake / remove, and the engine's warnings (quiet, clipped, noisy, short) or why it cannot be used.
import { togglePlay, usePlaying } from '../audio/player';
import { formatDb, formatSeconds } from '../format';
import { useStudio } from '../state/studio';
import { takeWav, type Take } from '../state/takes';
import { Waveform } from './Waveform';

interface Props {
  take: Take;
  /** What the card is called (the sentence's number, the file's name, the consent statement). */
  title: string;
  /** Whether the person types what the take says (imported files) or it is fixed (what they were asked to read). */
  editableText: boolean;
  onRetake?: () => void;
}

export function TakeCard({ take, title, editableText, onRetake }: Props) {
  const { updateTake, removeTake, attempt } = useStudio();
  const playing = usePlaying() === take.id;
  const r = take.report;
  return (
    <article className="take" data-testid="take">
      <header>
        <strong>{title}</strong>
        <span className={`badge ${r ? (r.usable ? (r.warnings.length ? 'warn' : 'ok') : 'bad') : take.error ? 'bad' : ''}`}>
          {r ? (r.usable ? (r.warnings.length ? 'Usable, with warnings' : 'Good') : 'Not usable') : take.error ? 'Not audio' : 'Checking…'}
        </span>
      </header>
      {editableText ? (
        <input
          className="take-text"
          value={take.text}
          placeholder="Type what this recording says (needed to adapt a voice)"
          aria-label={`Text of ${take.name}`}
          onChange={(e) => updateTake(take.id, { text: e.target.value })}
        />
      ) : (
        <p className="take-text">{take.text}</p>
      )}
      <Waveform samples={take.samples} sampleRate={take.sampleRate} trim={take.trim} onTrim={(trim) => updateTake(take.id, { trim })} />
      <div className="take-row">
        <div className="buttons">
          <button onClick={() => void attempt('Could not play', () => togglePlay(take.id, takeWav(take)))}>
            {playing ? 'Stop' : 'Play'}
          </button>
          {onRetake && <button onClick={onRetake}>Retake</button>}
          <button className="quiet" onClick={() => removeTake(take.id)}>
            Remove
          </button>
        </div>
        {r && (
          <span className="muted">
            {formatSeconds(r.speechSeconds)} of speech · peak {formatDb(r.peakDbfs)}
          </span>
        )}
      </div>
      {r?.problem && <p className="problem">{r.problem}</p>}
      {take.error && <p className="problem">{take.error}</p>}
      {r && r.warnings.length > 0 && (
        <ul className="warnings">
          {r.warnings.map((w) => (
            <li key={w.code} data-code={w.code}>
              {w.message}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
