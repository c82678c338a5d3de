// The studio window: five screens in the order a person uses them (Record → Consent → Clone → Compare → Library)
// and the notices strip where engine errors and undo offers appear.
import { useState } from 'react';
import { Notices } from './components/Notices';
import { CloneScreen } from './screens/CloneScreen';
import { CompareScreen } from './screens/CompareScreen';
import { ConsentScreen } from './screens/ConsentScreen';
import { LibraryScreen } from './screens/LibraryScreen';
import { RecordScreen } from './screens/RecordScreen';
import { StudioProvider } from './state/studio';

const SCREENS = [
  { id: 'record', label: 'Record', hint: 'Read sentences or import recordings' },
  { id: 'consent', label: 'Consent', hint: 'The voice\'s owner reads a statement agreeing to the clone' },
  { id: 'clone', label: 'Clone', hint: 'Make a voice from your takes' },
  { id: 'compare', label: 'Compare', hint: 'Listen and measure' },
  { id: 'library', label: 'Library', hint: 'Your saved voices' },
] as const;

export type ScreenId = (typeof SCREENS)[number]['id'];

export function App() {
  const [screen, setScreen] = useState<ScreenId>('record');
  return (
    <StudioProvider>
      <header className="topbar">
        <h1>Voice Clone Studio</h1>
        <nav className="tabs" role="tablist">
          {SCREENS.map((s, i) => (
            <button
              key={s.id}
              role="tab"
              aria-selected={screen === s.id}
              className={screen === s.id ? 'tab active' : 'tab'}
              onClick={() => setScreen(s.id)}
              title={s.hint}
            >
              <span className="step">{i + 1}</span> {s.label}
            </button>
          ))}
        </nav>
        <span className="offline" title="Nothing leaves this computer">Offline</span>
      </header>
      <Notices />
      <main>
        {screen === 'record' && <RecordScreen onNext={() => setScreen('consent')} />}
        {screen === 'consent' && <ConsentScreen onNext={() => setScreen('clone')} />}
        {/* Clone stays mounted while hidden: a running job keeps its progress and Cancel when the person looks elsewhere. */}
        <div hidden={screen !== 'clone'}>
          <CloneScreen onCompare={() => setScreen('compare')} onRecord={() => setScreen('record')} onConsent={() => setScreen('consent')} />
        </div>
        {screen === 'compare' && <CompareScreen />}
        {screen === 'library' && <LibraryScreen onCompare={() => setScreen('compare')} />}
      </main>
    </StudioProvider>
  );
}
