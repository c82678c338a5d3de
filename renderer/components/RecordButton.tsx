// The record button of a take: ● Record (or Retake) with its R shortcut, and while recording ■ Stop with the time.
import type { MicrophoneState } from '../audio/use-microphone';
import { formatSeconds } from '../format';

interface Props {
  mic: MicrophoneState;
  /** Whether there is something to read (the sentence or statement is shown). */
  ready: boolean;
  /** Whether this recording replaces an earlier take. */
  retake: boolean;
  onStop(): void;
}

export function RecordButton({ mic, ready, retake, onStop }: Props) {
  return mic.recording ? (
    <button className="primary recording" onClick={onStop}>
      ■ Stop <kbd>S</kbd> <span className="timer">{formatSeconds(mic.elapsed)}</span>
    </button>
  ) : (
    <button className="primary" disabled={!mic.recorder || !ready} onClick={mic.start}>
      ● {retake ? 'Retake' : 'Record'} <kbd>R</kbd>
    </button>
  );
}
