// Blind A/B listening test: two of the compared voices play as A and B in a hidden random order; the listener says
// which sounds more like the real recording (or more natural, without one). Answers are kept and export as CSV.
import { useState } from 'react';
import { api } from '../api';
import { togglePlay, usePlaying } from '../audio/player';
import { answersCsv, loadAnswers, saveAnswers, type ListeningAnswer } from '../listening/answers';
import { useStudio } from '../state/studio';

export interface Source {
  name: string;
  wav: Uint8Array;
}

interface Trial {
  a: Source;
  b: Source;
}

function drawTrial(sources: readonly Source[]): Trial {
  const i = Math.floor(Math.random() * sources.length);
  let j = Math.floor(Math.random() * (sources.length - 1));
  if (j >= i) j++;
  return { a: sources[i], b: sources[j] };
}

export function ListeningTest({ sources, reference, text }: { sources: Source[]; reference: Source | null; text: string }) {
  const { attempt, notify } = useStudio();
  const [trial, setTrial] = useState<Trial | null>(null);
  const [answers, setAnswers] = useState<ListeningAnswer[]>(() => loadAnswers(localStorage));
  const playing = usePlaying();
  const question = reference ? 'Which sounds more like the real recording?' : 'Which sounds more natural?';

  const answer = (choice: ListeningAnswer['choice']) => {
    if (!trial) return;
    const next = [...answers, { time: new Date().toISOString(), question, text, a: trial.a.name, b: trial.b.name, choice }];
    setAnswers(next);
    saveAnswers(localStorage, next);
    notify('info', `Saved: A was ${trial.a.name}, B was ${trial.b.name}.`);
    setTrial(sources.length >= 2 ? drawTrial(sources) : null);
  };
  const exportCsv = async () => {
    const r = await attempt('Could not save the answers', () =>
      api.saveFile('csv', 'listening-test.csv', new TextEncoder().encode(answersCsv(answers))),
    );
    if (r?.saved) notify('info', `Saved ${answers.length} answer${answers.length === 1 ? '' : 's'} to ${r.name}.`);
  };
  const playButton = (label: string, key: string, s: Source) => (
    <button onClick={() => void attempt('Could not play', () => togglePlay(key, s.wav))}>
      {playing === key ? 'Stop' : `Play ${label}`}
    </button>
  );

  return (
    <div className="panel listening" data-testid="listening-test">
      <h3>Blind listening test</h3>
      {sources.length < 2 ? (
        <p className="muted">Speak the sentence with at least two voices to compare them blind.</p>
      ) : trial ? (
        <div className="trial">
          <p>{question}</p>
          <div className="buttons">
            {reference && playButton('real recording', 'abx-ref', reference)}
            {playButton('A', 'abx-a', trial.a)}
            {playButton('B', 'abx-b', trial.b)}
          </div>
          <div className="buttons">
            <button className="primary" onClick={() => answer('A')}>
              A
            </button>
            <button className="primary" onClick={() => answer('B')}>
              B
            </button>
            <button onClick={() => answer('no preference')}>Can't tell</button>
          </div>
        </div>
      ) : (
        <button className="primary" onClick={() => setTrial(drawTrial(sources))}>
          Start a blind A/B trial
        </button>
      )}
      <p className="muted">
        {answers.length} answer{answers.length === 1 ? '' : 's'} saved.{' '}
        <button className="link" disabled={answers.length === 0} onClick={() => void exportCsv()}>
          Export CSV
        </button>
      </p>
    </div>
  );
}
