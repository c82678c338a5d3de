// Lets the data scripts install the Debian packages they use, through the one installer (scripts/install-debian-deps.sh).
// Quick when everything is present; as root it installs with apt-get, otherwise through sudo.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const INSTALLER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'install-debian-deps.sh');

/** Runs the installer, printing what it does; throws if apt-get fails. */
export function ensureDebianPackages(): void {
  execFileSync('bash', [INSTALLER], { stdio: 'inherit' });
}
