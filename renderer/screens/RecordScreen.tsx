// Record: read the prompted sentences aloud (or import recordings with their text), watch the live level, then
// check each take's waveform, trim it, play it, retake it, and fix what the warnings point out.
import { useState, type DragEvent } from 'react';
import type { AudioInput } from '../../ml/api';
import { api, errorMessage } from '../api';
import { togglePlay } from '../audio/player';
import { useMicrophone } from '../audio/use-microphone';
import { decodeAudio } from '../audio/wav';
import { MicrophoneControls } from '../components/MicrophoneControls';
import { RecordButton } from '../components/RecordButton';
import { TakeCard } from '../components/TakeCard';
import { formatSeconds } from '../format';
import { useShortcuts } from '../keyboard';
import { useStudio } from '../state/studio';
import { durationOf, takeWav, usableTakes, type Take } from '../state/takes';

const AUDIO_FILE = /\.(wav|flac|mp3|ogg)$/i;

export function RecordScreen({ onNext }: { onNext(): void }) {
  const { prompts, takes, addTake, attempt, notify } = useStudio();
  const mic = useMicrophone();
  const [current, setCurrent] = useState(0);
  const [dragging, setDragging] = useState(false);

  const prompt = prompts[current] ?? '';
  const takeFor = (i: number) => takes.find((t) => t.promptIndex === i);

  const stop = async () => {
    const audio = await mic.stop();
    if (!audio) return;
    const take: Take = {
      ...audio,
      id: crypto.randomUUID(),
      name: `sentence-${String(current + 1).padStart(2, '0')}`,
      text: prompt,
      promptIndex: current,
      trim: { start: 0, end: durationOf(audio) },
      report: null,
      error: null,
    };
    addTake(take);
    const next = prompts.findIndex((_, i) => i > current && !takes.some((t) => t.promptIndex === i));
    if (next >= 0) setCurrent(next);
  };

  const playCurrent = () => {
    const t = takeFor(current) ?? takes[takes.length - 1];
    if (t) void attempt('Could not play', () => togglePlay(t.id, takeWav(t)));
  };

  useShortcuts({ r: () => (mic.recording ? void stop() : mic.start()), s: () => void stop(), p: playCurrent });

  const importFiles = async (files: AudioInput[]) => {
    for (const f of files) {
      try {
        const audio = await decodeAudio(f.bytes);
        addTake({
          ...audio,
          id: crypto.randomUUID(),
          name: f.name,
          text: '',
          promptIndex: null,
          trim: { start: 0, end: durationOf(audio) },
          report: null,
          error: null,
        });
      } catch (e) {
        notify('error', `${f.name} could not be read as audio: ${errorMessage(e)}`);
      }
    }
  };
  const onDrop = async (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const files = [...e.dataTransfer.files];
    const audio = files.filter((f) => AUDIO_FILE.test(f.name));
    if (audio.length < files.length) notify('error', 'Only .wav, .flac, .mp3 and .ogg files can be imported.');
    await importFiles(await Promise.all(audio.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))));
  };

  const usable = usableTakes(takes);
  const speech = usable.reduce((s, t) => s + (t.report?.speechSeconds ?? 0), 0);

  return (
    <section
      className={dragging ? 'screen record dragging' : 'screen record'}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => void onDrop(e)}
    >
      <div className="record-top">
        <div className="panel prompt-panel">
          <div className="prompt-nav">
            <button className="quiet" disabled={current === 0} onClick={() => setCurrent(current - 1)} aria-label="Previous sentence">
              ‹
            </button>
            <span className="muted">
              Sentence {prompts.length ? current + 1 : 0} of {prompts.length}
            </span>
            <button
              className="quiet"
              disabled={current >= prompts.length - 1}
              onClick={() => setCurrent(current + 1)}
              aria-label="Next sentence"
            >
              ›
            </button>
          </div>
          <p className="prompt" data-testid="prompt">
            {prompt || 'Loading sentences…'}
          </p>
          <div className="record-controls">
            <RecordButton mic={mic} ready={prompt !== ''} retake={takeFor(current) !== undefined} onStop={() => void stop()} />
            <button disabled={takes.length === 0} onClick={playCurrent}>
              ▶ Play <kbd>P</kbd>
            </button>
          </div>
          <ol className="prompt-dots" aria-label="Sentences">
            {prompts.map((p, i) => (
              <li key={i}>
                <button
                  className={`dot ${i === current ? 'current' : ''} ${takeFor(i) ? 'done' : ''}`}
                  title={p}
                  aria-label={`Sentence ${i + 1}${takeFor(i) ? ' (recorded)' : ''}`}
                  onClick={() => setCurrent(i)}
                >
                  {i + 1}
                </button>
              </li>
            ))}
          </ol>
        </div>
        <div className="panel mic-panel">
          <MicrophoneControls mic={mic} />
          <div className="import">
            <button onClick={() => void attempt('Could not import', () => api.pickAudioFiles()).then((f) => f && importFiles(f))}>
              Import recordings…
            </button>
            <span className="muted">or drop .wav .flac .mp3 .ogg files anywhere here</span>
          </div>
          <div className="summary">
            <strong>{usable.length}</strong> usable take{usable.length === 1 ? '' : 's'} · {formatSeconds(speech)} of speech
            <button className="primary" disabled={usable.length === 0} onClick={onNext}>
              Next: consent →
            </button>
          </div>
        </div>
      </div>
      {takes.length === 0 ? (
        <p className="empty">Your takes appear here. Three to ten sentences are enough to clone by encoding.</p>
      ) : (
        <div className="takes">
          {[...takes].reverse().map((t) => (
            <TakeCard
              key={t.id}
              take={t}
              title={t.promptIndex === null ? t.name : `Sentence ${t.promptIndex + 1}`}
              editableText={t.promptIndex === null}
              onRetake={
                t.promptIndex === null
                  ? undefined
                  : () => {
                      setCurrent(t.promptIndex!);
                      mic.start();
                    }
              }
            />
          ))}
        </div>
      )}
    </section>
  );
}
