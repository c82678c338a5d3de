// Shared state of the studio's screens: the session's takes, the name of the voice with its consent statement and
// consent take, the voice library, the voice just cloned, measured cloning times, and notices (engine errors as
// readable lines, undo offers).
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { VoiceSummary } from '../../ml/api';
import { api, errorMessage } from '../api';
import { takeFileName, takeWav, type Take } from './takes';

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  text: string;
  action?: { label: string; run: () => void };
}

interface Studio {
  prompts: string[];
  takes: Take[];
  addTake(take: Take): void;
  /** Changes a take (or the consent take); re-inspects it when its audio range changed. */
  updateTake(id: string, change: Partial<Take>): void;
  removeTake(id: string): void;
  /** Name of the person whose voice is cloned: the voice is saved under it and it is written into the statement. */
  voiceName: string;
  setVoiceName(name: string): void;
  /** The consent statement for `voiceName` (from the engine), null while there is no name or it is being written. */
  statement: string | null;
  /** The person reading the statement aloud; its text is the statement it reads. */
  consent: Take | null;
  setConsent(take: Take): void;
  voices: VoiceSummary[];
  refreshVoices(): Promise<void>;
  /** Id of the voice cloned last in this session. */
  newVoiceId: string | null;
  setNewVoiceId(id: string | null): void;
  /** Wall time of clones made in this session, measured here, by voice id. */
  cloneSeconds: Record<string, number>;
  recordCloneSeconds(id: string, seconds: number): void;
  notices: Notice[];
  notify(kind: Notice['kind'], text: string, action?: Notice['action']): void;
  dismiss(id: number): void;
  /** Runs an engine call; a failure becomes an error notice and resolves to null. */
  attempt<T>(what: string, call: () => Promise<T>): Promise<T | null>;
}

const StudioContext = createContext<Studio | null>(null);

export function useStudio(): Studio {
  const s = useContext(StudioContext);
  if (!s) throw new Error('useStudio outside StudioProvider');
  return s;
}

const INSPECT_DELAY_MS = 350;
/** Wait after the last key press in the name before asking for the statement. */
const STATEMENT_DELAY_MS = 300;

export function StudioProvider({ children }: { children: ReactNode }) {
  const [prompts, setPrompts] = useState<string[]>([]);
  const [takes, setTakes] = useState<Take[]>([]);
  const [voiceName, setVoiceName] = useState('');
  const [statement, setStatement] = useState<string | null>(null);
  const [consent, setConsentTake] = useState<Take | null>(null);
  const [voices, setVoices] = useState<VoiceSummary[]>([]);
  const [newVoiceId, setNewVoiceId] = useState<string | null>(null);
  const [cloneSeconds, setCloneSeconds] = useState<Record<string, number>>({});
  const [notices, setNotices] = useState<Notice[]>([]);
  const nextNotice = useRef(1);
  const inspectTimers = useRef(new Map<string, number>());

  const dismiss = useCallback((id: number) => setNotices((n) => n.filter((x) => x.id !== id)), []);
  const notify = useCallback<Studio['notify']>(
    (kind, text, action) => {
      const id = nextNotice.current++;
      setNotices((n) => [...n.slice(-3), { id, kind, text, action }]);
      window.setTimeout(() => dismiss(id), action ? 10_000 : 8_000);
    },
    [dismiss],
  );
  const attempt = useCallback<Studio['attempt']>(
    async (what, call) => {
      try {
        return await call();
      } catch (e) {
        notify('error', `${what}: ${errorMessage(e)}`);
        return null;
      }
    },
    [notify],
  );

  /** Applies `change` to the take with this id, whether a clip or the consent take. */
  const patch = useCallback((id: string, change: (t: Take) => Take) => {
    setTakes((ts) => ts.map((t) => (t.id === id ? change(t) : t)));
    setConsentTake((c) => (c?.id === id ? change(c) : c));
  }, []);

  const inspect = useCallback(
    (take: Take) => {
      const timers = inspectTimers.current;
      window.clearTimeout(timers.get(take.id));
      timers.set(
        take.id,
        window.setTimeout(() => {
          api.inspectClip({ name: takeFileName(take), bytes: takeWav(take) }).then(
            (report) => patch(take.id, (t) => ({ ...t, report, error: null })),
            (e: unknown) => patch(take.id, (t) => ({ ...t, report: null, error: errorMessage(e) })),
          );
        }, INSPECT_DELAY_MS),
      );
    },
    [patch],
  );

  const addTake = useCallback(
    (take: Take) => {
      setTakes((ts) => {
        const replaced = take.promptIndex === null ? ts : ts.filter((t) => t.promptIndex !== take.promptIndex);
        return [...replaced, take];
      });
      inspect(take);
    },
    [inspect],
  );
  const setConsent = useCallback(
    (take: Take) => {
      setConsentTake(take);
      inspect(take);
    },
    [inspect],
  );
  const updateTake = useCallback<Studio['updateTake']>(
    (id, change) =>
      patch(id, (t) => {
        const next = { ...t, ...change };
        if (change.trim) {
          next.report = null;
          inspect(next);
        }
        return next;
      }),
    [patch, inspect],
  );
  const removeTake = useCallback((id: string) => {
    setTakes((ts) => ts.filter((t) => t.id !== id));
    setConsentTake((c) => (c?.id === id ? null : c));
  }, []);

  const refreshVoices = useCallback(async () => {
    const list = await attempt('Could not list the voices', () => api.listVoices());
    if (list) setVoices(list);
  }, [attempt]);
  const recordCloneSeconds = useCallback(
    (id: string, seconds: number) => setCloneSeconds((c) => ({ ...c, [id]: seconds })),
    [],
  );

  useEffect(() => {
    void attempt('Could not load the prompts', () => api.promptSentences()).then((p) => p && setPrompts(p));
    void refreshVoices();
  }, [attempt, refreshVoices]);

  useEffect(() => {
    setStatement(null);
    const name = voiceName.trim();
    if (name === '') return;
    let current = true;
    const timer = window.setTimeout(() => {
      void attempt('Could not write the consent statement', () => api.consentStatement(name)).then((s) => {
        if (current && s !== null) setStatement(s);
      });
    }, STATEMENT_DELAY_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [voiceName, attempt]);

  const value = useMemo<Studio>(
    () => ({
      prompts,
      takes,
      addTake,
      updateTake,
      removeTake,
      voiceName,
      setVoiceName,
      statement,
      consent,
      setConsent,
      voices,
      refreshVoices,
      newVoiceId,
      setNewVoiceId,
      cloneSeconds,
      recordCloneSeconds,
      notices,
      notify,
      dismiss,
      attempt,
    }),
    [prompts, takes, addTake, updateTake, removeTake, voiceName, statement, consent, setConsent, voices, refreshVoices, newVoiceId, cloneSeconds, recordCloneSeconds, notices, notify, dismiss, attempt],
  );
  return <StudioContext.Provider value={value}>{children}</StudioContext.Provider>;
}
