// The app:// file server: serves the built renderer's files with the CSP, and nothing outside that folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appResponse, resolveAppFile } from '../../electron/app-files';
import { CONTENT_SECURITY_POLICY } from '../../electron/security';

let root: string;
let dir: string;

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'app-files-'));
  dir = path.join(root, 'renderer');
  fs.mkdirSync(path.join(dir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html>');
  fs.writeFileSync(path.join(dir, 'assets', 'a.js'), 'export {}');
  fs.writeFileSync(path.join(root, 'secret.txt'), 'secret');
});

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('resolveAppFile', () => {
  it('maps paths into the renderer folder', () => {
    expect(resolveAppFile(dir, '/')).toBe(path.join(dir, 'index.html'));
    expect(resolveAppFile(dir, '/assets/a.js')).toBe(path.join(dir, 'assets', 'a.js'));
  });

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2F..%2Fsecret.txt', '/%00', '/%E0%A4%A'])('refuses %s', (p) => {
    expect(resolveAppFile(dir, p)).toBeNull();
  });
});

describe('appResponse', () => {
  it('serves files with their type and the CSP', async () => {
    const r = await appResponse(dir, '/assets/a.js');
    expect(r.status).toBe(200);
    expect(r.headers['Content-Type']).toMatch(/javascript/);
    expect(r.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers 404 outside the folder or for missing files', async () => {
    expect((await appResponse(dir, '/../secret.txt')).status).toBe(404);
    expect((await appResponse(dir, '/missing.js')).status).toBe(404);
  });
});
