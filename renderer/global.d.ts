// Types of what the page gets from outside: the preload's `window.voiceclone` API and Vite's asset imports.
/// <reference types="vite/client" />
import type { StudioApi } from '../ml/api';

declare global {
  interface Window {
    voiceclone: StudioApi;
  }
}
