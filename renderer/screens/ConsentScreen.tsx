// Consent: the person whose voice is cloned types their name and reads the statement the engine writes for it,
// recorded like the takes (level, waveform, play, retake) or imported as a file; cloning waits for a usable one.
import type { AudioInput } from '../../ml/api';
import { api, errorMessage } from '../api';
import { togglePlay } from '../audio/player';
import { useMicrophone } from '../audio/use-microphone';
import { decodeAudio, type Samples } from '../audio/wav';
import { MicrophoneControls } from '../components/MicrophoneControls';
import { RecordButton } from '../components/RecordButton';
import { TakeCard } from '../components/TakeCard';
import { useShortcuts } from '../keyboard';
import { consentProblem } from '../state/consent';
import { useStudio } from '../state/studio';
import { durationOf, takeWav } from '../state/takes';

/** Longest name the engine writes into the statement. */
const NAME_CHARS = 80;

export function ConsentScreen({ onNext }: { onNext(): void }) {
  const { voiceName, setVoiceName, statement, consent, setConsent, attempt, notify } = useStudio();
  const mic = useMicrophone();

  const keep = (audio: Samples, name: string) => {
    if (statement === null) return;
    setConsent({
      ...audio,
      id: crypto.randomUUID(),
      name,
      text: statement,
      promptIndex: null,
      trim: { start: 0, end: durationOf(audio) },
      report: null,
      error: null,
    });
  };

  const stop = async () => {
    const audio = await mic.stop();
    if (audio) keep(audio, 'consent');
  };

  const importFile = async (files: AudioInput[]) => {
    if (files.length === 0) return;
    if (files.length > 1) notify('info', `Only one consent recording is kept: ${files[0].name}.`);
    const f = files[0];
    try {
      keep(await decodeAudio(f.bytes), f.name);
    } catch (e) {
      notify('error', `${f.name} could not be read as audio: ${errorMessage(e)}`);
    }
  };

  const play = () => {
    if (consent) void attempt('Could not play', () => togglePlay(consent.id, takeWav(consent)));
  };
  const record = () => {
    if (mic.recording) void stop();
    else if (statement !== null) mic.start();
  };
  useShortcuts({ r: record, s: () => void stop(), p: play });

  const problem = consentProblem(consent, statement);

  return (
    <section className="screen consent">
      <div className="record-top">
        <div className="panel prompt-panel">
          <p className="why">
            This app clones only a voice whose owner agrees: that person reads the statement below aloud, and the
            recording is stored with the voice.
          </p>
          <label className="field">
            Name of the person whose voice is cloned
            <input
              value={voiceName}
              maxLength={NAME_CHARS}
              placeholder="Your full name"
              disabled={mic.recording}
              onChange={(e) => setVoiceName(e.target.value)}
            />
          </label>
          <p className="muted">Read this aloud:</p>
          <p className="prompt statement" data-testid="consent-statement">
            {statement ?? (voiceName.trim() ? 'Writing the statement…' : 'The statement appears once the name is typed.')}
          </p>
          <div className="record-controls">
            <RecordButton mic={mic} ready={statement !== null} retake={consent !== null} onStop={() => void stop()} />
            <button disabled={!consent} onClick={play}>
              ▶ Play <kbd>P</kbd>
            </button>
          </div>
        </div>
        <div className="panel mic-panel">
          <MicrophoneControls mic={mic} />
          <div className="import">
            <button
              disabled={statement === null}
              onClick={() => void attempt('Could not import', () => api.pickAudioFiles()).then((f) => f && importFile(f))}
            >
              Import a recording of the statement…
            </button>
            <span className="muted">The same person as in the takes, reading the statement above.</span>
          </div>
          <div className="summary">
            <span data-testid="consent-status" className={problem ? 'muted' : 'tone-ok'}>
              {problem ?? 'Consent recorded.'}
            </span>
            <button className="primary" disabled={problem !== null} onClick={onNext}>
              Next: clone →
            </button>
          </div>
        </div>
      </div>
      {consent ? (
        <div className="takes">
          <TakeCard take={consent} title="Consent statement" editableText={false} onRetake={statement ? mic.start : undefined} />
        </div>
      ) : (
        <p className="empty">The consent recording appears here.</p>
      )}
    </section>
  );
}
