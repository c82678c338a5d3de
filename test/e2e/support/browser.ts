// Headless Chromium for the e2e test (Debian's `chromium` package) with a fake microphone replaying a WAV file.
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/lib/chromium/chromium';

export async function launchChromium(fakeMicWav: string): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`The e2e test needs Chromium at ${CHROMIUM}: apt-get install -y chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--autoplay-policy=no-user-gesture-required',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-audio-capture=${fakeMicWav}`,
    ],
  });
}
