// Maps a request for the app's own pages to a file of the built renderer, refusing anything outside that folder.
// Used by the app:// protocol in main.ts and by the e2e test's static server, with the same headers.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from './security';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** The file under `rendererDir` a URL path names ('/' is index.html), or null for anything outside it. */
export function resolveAppFile(rendererDir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, relative);
  return file.startsWith(root + path.sep) ? file : null;
}

export interface AppResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array<ArrayBuffer> | string;
}

/** The response for a URL path: the file with its type and the CSP, or 404. */
export async function appResponse(rendererDir: string, urlPath: string): Promise<AppResponse> {
  const file = resolveAppFile(rendererDir, urlPath);
  const type = file ? CONTENT_TYPES[path.extname(file)] : undefined;
  if (!file || !type) return { status: 404, headers: { 'Content-Type': 'text/plain' }, body: 'Not found' };
  try {
    const body = new Uint8Array(await readFile(file));
    return {
      status: 200,
      headers: {
        'Content-Type': type,
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
      },
      body,
    };
  } catch {
    return { status: 404, headers: { 'Content-Type': 'text/plain' }, body: 'Not found' };
  }
}
