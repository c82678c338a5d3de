// The sender check: only our window's top frame showing a page of the app's origin may call the handlers.
import { describe, expect, it } from 'vitest';
import { isTrustedSender, type SenderInfo } from '../../electron/sender';

const trusted = { webContentsId: 3, origin: 'app://voiceclone' };
const ours: SenderInfo = { webContentsId: 3, frameUrl: 'app://voiceclone/index.html#library', isMainFrame: true };

describe('isTrustedSender', () => {
  it('accepts our window', () => {
    expect(isTrustedSender(ours, trusted)).toBe(true);
  });

  it.each<[string, Partial<SenderInfo>]>([
    ['another window', { webContentsId: 4 }],
    ['an iframe', { isMainFrame: false }],
    ['a remote page', { frameUrl: 'https://voiceclone/index.html' }],
    ['a look-alike host', { frameUrl: 'app://voiceclone.evil/index.html' }],
    ['a local file', { frameUrl: 'file:///home/me/index.html' }],
    ['no URL', { frameUrl: '' }],
  ])('refuses %s', (_name, change) => {
    expect(isTrustedSender({ ...ours, ...change }, trusted)).toBe(false);
  });
});
