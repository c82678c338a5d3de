// The window's security rules as data and pure decisions: its origin, Content-Security-Policy, hardened
// webPreferences, and which requests, navigations and permissions are allowed. main.ts applies them to Electron.
import type { BrowserWindowConstructorOptions } from 'electron';

/** The privileged scheme and host the app's own pages are served from. */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://voiceclone`;

/**
 * Everything from the app's own origin; nothing remote, no inline or eval'd script, no plugins, no framing.
 * blob: media plays synthesized audio; data:/blob: images are drawn waveforms.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Hardened options of the main window; `preload` is the built preload script. */
export function windowOptions(preload: string): BrowserWindowConstructorOptions {
  return {
    width: 1200,
    height: 820,
    minWidth: 900,
    minHeight: 640,
    show: false,
    title: 'Voice Clone Studio',
    backgroundColor: '#f6f5f2',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  };
}

/** Requests the window may make: its own pages, and blob:/data: it made itself. Nothing remote, no file://. */
export function isAllowedRequest(url: string): boolean {
  return url.startsWith(`${APP_ORIGIN}/`) || url.startsWith('blob:') || url.startsWith('data:') || url.startsWith('devtools://');
}

/** The one permission the window gets: the microphone, for pages of its own origin. */
export function isAllowedPermission(permission: string, requestingUrl: string, mediaTypes: readonly string[] = []): boolean {
  const ownPage = requestingUrl.startsWith(`${APP_ORIGIN}/`);
  return ownPage && permission === 'media' && mediaTypes.every((t) => t === 'audio');
}
