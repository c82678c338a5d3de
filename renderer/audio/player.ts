// One audio player for the whole window: plays WAV bytes, stops whatever played before, and tells React who plays.
import { useSyncExternalStore } from 'react';

let audio: HTMLAudioElement | null = null;
let url: string | null = null;
let playing: string | null = null;
const listeners = new Set<() => void>();

function setPlaying(key: string | null): void {
  playing = key;
  for (const l of listeners) l();
}

export function stopPlayback(): void {
  audio?.pause();
  if (url) URL.revokeObjectURL(url);
  audio = null;
  url = null;
  setPlaying(null);
}

/** Plays `wav`; `key` names what plays (a take, a column), so its button can show Stop. */
export async function play(key: string, wav: Uint8Array): Promise<void> {
  stopPlayback();
  url = URL.createObjectURL(new Blob([wav.slice()], { type: 'audio/wav' }));
  const el = new Audio(url);
  audio = el;
  el.onended = () => {
    if (audio === el) stopPlayback();
  };
  setPlaying(key);
  await el.play();
}

/** Plays `wav`, or stops it when `key` is already playing. */
export function togglePlay(key: string, wav: Uint8Array): Promise<void> {
  if (playing === key) {
    stopPlayback();
    return Promise.resolve();
  }
  return play(key, wav);
}

/** The key now playing, or null. */
export function usePlaying(): string | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => playing,
  );
}
