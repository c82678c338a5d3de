// `npm start`: launches the desktop app with Electron when its binary is installed, else says so in one line.
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
const main = path.join(root, 'dist-electron', 'main.js');
if (!existsSync(main)) {
  console.log('The desktop window is not built yet in this version; use the CLI: npx voiceclone help');
  process.exit(0);
}
process.exit(spawnSync(bin, [root], { stdio: 'inherit' }).status ?? 1);
