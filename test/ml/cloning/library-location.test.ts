// Tests that the CLI's default library is the desktop app's user-data folder on each platform, and that
// VOICECLONE_LIBRARY overrides it.
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultLibraryDir } from '../../../ml/cloning/library-location';

describe('defaultLibraryDir', () => {
  it('follows Electron userData per platform', () => {
    expect(defaultLibraryDir({}, 'linux')).toBe(path.join(os.homedir(), '.config', 'voiceclone-studio', 'library'));
    expect(defaultLibraryDir({ XDG_CONFIG_HOME: '/x' }, 'linux')).toBe(path.join('/x', 'voiceclone-studio', 'library'));
    expect(defaultLibraryDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toContain('voiceclone-studio');
    expect(defaultLibraryDir({}, 'darwin')).toBe(path.join(os.homedir(), 'Library', 'Application Support', 'voiceclone-studio', 'library'));
  });

  it('lets VOICECLONE_LIBRARY choose another folder', () => {
    expect(defaultLibraryDir({ VOICECLONE_LIBRARY: '/tmp/lib' }, 'linux')).toBe('/tmp/lib');
  });
});
