// The window's hardening as configured: isolated, sandboxed, no Node; a CSP without inline or remote script; no
// request leaves the app's own origin; the only permission is the microphone for our own pages.
import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  isAllowedPermission,
  isAllowedRequest,
  windowOptions,
} from '../../electron/security';

describe('window hardening', () => {
  it('isolates and sandboxes the page, without Node', () => {
    const prefs = windowOptions('/app/preload.cjs').webPreferences!;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(prefs.preload).toBe('/app/preload.cjs');
  });

  it('has a strict Content-Security-Policy', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });

  it('lets no request leave the app', () => {
    expect(isAllowedRequest(`${APP_ORIGIN}/assets/index.js`)).toBe(true);
    expect(isAllowedRequest('blob:app://voiceclone/5f0c')).toBe(true);
    for (const url of ['https://example.com/', 'http://127.0.0.1:8080/', 'file:///etc/passwd', 'ws://x/', 'app://other/x']) {
      expect(isAllowedRequest(url)).toBe(false);
    }
  });

  it('grants only the microphone, only to our pages', () => {
    expect(isAllowedPermission('media', `${APP_ORIGIN}/index.html`, ['audio'])).toBe(true);
    expect(isAllowedPermission('media', `${APP_ORIGIN}/index.html`, ['audio', 'video'])).toBe(false);
    expect(isAllowedPermission('media', 'https://example.com/', ['audio'])).toBe(false);
    for (const p of ['geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      expect(isAllowedPermission(p, `${APP_ORIGIN}/index.html`)).toBe(false);
    }
  });
});
