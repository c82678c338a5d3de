// `npm start`: builds and launches the desktop app with Electron when its binary is installed, else says so in one line.
// Offline installs skip Electron's binary download (ELECTRON_SKIP_BINARY_DOWNLOAD=1); the CLI works without it.
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

function electronBinary() {
  try {
    const bin = require('electron'); // the package exports the binary's path, and throws if it was never downloaded
    return typeof bin === 'string' && existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

const bin = electronBinary();
if (!bin) {
  console.log('Electron binary not installed (offline install); use the CLI instead: npx voiceclone help');
  process.exit(0);
}
const built = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
process.exit(spawnSync(bin, [root], { stdio: 'inherit' }).status ?? 1);
