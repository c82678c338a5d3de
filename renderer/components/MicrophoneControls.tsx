// The microphone's controls beside a recording: which input, its live level, and why it could not be opened.
import type { MicrophoneState } from '../audio/use-microphone';
import { LevelMeter } from './LevelMeter';

export function MicrophoneControls({ mic }: { mic: MicrophoneState }) {
  return (
    <>
      <label>
        Microphone
        <select value={mic.micId ?? ''} onChange={(e) => mic.setMicId(e.target.value || null)} aria-label="Microphone">
          <option value="">System default</option>
          {mic.mics.map((m) => (
            <option key={m.deviceId} value={m.deviceId}>
              {m.label}
            </option>
          ))}
        </select>
      </label>
      <LevelMeter recorder={mic.recorder} />
      {mic.micError && <p className="problem">{mic.micError}</p>}
    </>
  );
}
