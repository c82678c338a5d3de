// The microphone as a screen uses it: opens the chosen input while the screen is shown (closes it after), lists
// the inputs, and records one take at a time with its running time. Shared by the takes and the consent statement.
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../api';
import { listMicrophones, Recorder, type Microphone } from './recorder';
import type { Samples } from './wav';

export interface MicrophoneState {
  recorder: Recorder | null;
  mics: Microphone[];
  /** The chosen input, null for the system default. */
  micId: string | null;
  setMicId(id: string | null): void;
  /** Why the microphone could not be opened, readable. */
  micError: string | null;
  recording: boolean;
  /** Seconds since the take started. */
  elapsed: number;
  start(): void;
  /** Ends the take; null when none was running. */
  stop(): Promise<Samples | null>;
}

export function useMicrophone(): MicrophoneState {
  const [mics, setMics] = useState<Microphone[]>([]);
  const [micId, setMicId] = useState<string | null>(null);
  const [recorder, setRecorder] = useState<Recorder | null>(null);
  const [micError, setMicError] = useState<string | null>(null);
  const [since, setSince] = useState<number | null>(null);
  const [elapsed, setElapsed] = useState(0);
  const busy = useRef(false);

  useEffect(() => {
    let opened: Recorder | null = null;
    let cancelled = false;
    Recorder.open(micId).then(
      (r) => {
        if (cancelled) void r.close();
        else {
          opened = r;
          setRecorder(r);
          setMicError(null);
          void listMicrophones().then(setMics);
        }
      },
      (e: unknown) => !cancelled && setMicError(`The microphone could not be opened: ${errorMessage(e)}`),
    );
    return () => {
      cancelled = true;
      setRecorder(null);
      setSince(null);
      void opened?.close();
    };
  }, [micId]);

  useEffect(() => {
    if (since === null) return;
    const t = window.setInterval(() => setElapsed((performance.now() - since) / 1000), 100);
    return () => window.clearInterval(t);
  }, [since]);

  const start = useCallback(() => {
    if (!recorder || since !== null || busy.current) return;
    recorder.start();
    setElapsed(0);
    setSince(performance.now());
  }, [recorder, since]);

  const stop = useCallback(async () => {
    if (!recorder || since === null || busy.current) return null;
    busy.current = true;
    const audio = await recorder.stop();
    setSince(null);
    busy.current = false;
    return audio;
  }, [recorder, since]);

  return { recorder, mics, micId, setMicId, micError, recording: since !== null, elapsed, start, stop };
}
