// The studio end to end, as a person uses it: record three prompted sentences from a microphone (fed real VCC2016
// speech), read the consent statement into it (the same speaker, as the voice's owner would), clone by encoding,
// speak a sentence, play it and export it, read its similarity, run a blind A/B trial, start a whole-model adaptation
// (the window paints a frame every 100 ms at most meanwhile) and cancel it, find the voice in the library, check the
// exported sentence and a real recording for the watermark, restart on the same library and find the voice again.
// Screenshots of each screen go to screenshots/.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sox } from '../ml/audio/fixtures';
import { sharedData } from '../support/shared-data';
import { launchChromium } from './support/browser';
import { startFrameRecorder, stopFrameRecorder } from './support/frames';
import { REPO_ROOT, startStudio, type Studio } from './support/studio';

const SCREENSHOTS = path.join(import.meta.dirname, 'screenshots');
/** The person whose voice is cloned: the voice's name and the name in the consent statement. */
const VOICE_NAME = 'Sam Fielding';
/** Seconds of each recorded take (the fake microphone plays in real time). */
const TAKE_SECONDS = 4;
/** Seconds of the consent take: the statement is a longer sentence. */
const CONSENT_SECONDS = 6;
/** The longest a person may wait for the window's next frame while the engine works (issue 6). */
const MAX_FRAME_GAP_MS = 100;
/**
 * Milliseconds of adaptation progress during which the frames are measured, at least. Short enough that Cancel lands
 * before the adaptation can finish on its own: with its held-out clip it may stop early from step 25 on, and a fast
 * machine of this kind runs about 10 steps a second on the three takes (4 s for steps 1–43 was seen to end it first).
 */
const WATCH_MS = 2000;
/** Cancelling stops the adaptation and gives the window back within about this long. */
const CANCEL_MS = 1000;

let dir: string;
let browser: Browser;
let studio: Studio;
let context: BrowserContext;
let page: Page;

async function openStudio(): Promise<void> {
  studio = await startStudio(path.join(dir, 'library'));
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await studio.attach(context);
  page = await context.newPage();
  await page.goto(studio.url);
}

async function closeStudio(): Promise<void> {
  await context.close();
  await studio.close();
}

function tab(name: string) {
  return page.getByRole('tab', { name: new RegExp(name) });
}

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

beforeAll(async () => {
  for (const f of ['dist/renderer/index.html', 'dist-electron/engine-worker.js']) {
    if (!fs.existsSync(path.join(REPO_ROOT, f))) throw new Error(`${f} is missing: run \`npm run build\` first.`);
  }
  if (!fs.existsSync(path.join(REPO_ROOT, 'ml', 'engine.ts'))) throw new Error('ml/engine.ts (createEngine) is missing.');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'voiceclone-e2e-'));
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  // The microphone: three real SF1 readings back to back at 44.1 kHz (Chromium loops the file).
  const mic = path.join(dir, 'mic.wav');
  const readings = ['100001', '100002', '100003'].map((n) => sharedData(`vcc2016/train/SF1/${n}.flac`));
  sox(...readings, '-r', '44100', '-b', '16', '-c', '1', mic, 'pad', '0.3', '0.3');
  browser = await launchChromium(mic);
  await openStudio();
});

afterAll(async () => {
  await context?.close().catch(() => undefined);
  await studio?.close();
  await browser?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && page && !page.isClosed()) {
    await shot(`failed-${ctx.task.name.split(' ').slice(0, 3).join('-').replace(/[^a-z0-9-]/gi, '')}`);
  }
});

describe('Voice Clone Studio', () => {
  it('gives the page no Node and enforces the Content-Security-Policy', async () => {
    const probe = await page.evaluate(() => {
      const inline = document.createElement('script');
      inline.textContent = 'window.__inlineRan = true';
      document.head.append(inline);
      return {
        inlineScriptRan: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true,
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
        api: Object.keys(window.voiceclone).sort(),
      };
    });
    expect(probe.require).toBe('undefined');
    expect(probe.process).toBe('undefined');
    expect(probe.inlineScriptRan).toBe(false);
    expect(probe.api).toContain('synthesize');
    expect(probe.api).not.toContain('readFile');
  });

  it('records three prompted takes and checks them with the engine', async () => {
    await expect.poll(() => page.getByTestId('prompt').textContent(), { timeout: 120_000 }).not.toMatch(/Loading/);
    const record = page.getByRole('button', { name: /^● (Record|Retake)/ });
    await expect.poll(() => record.isEnabled(), { timeout: 60_000 }).toBe(true);
    for (let i = 1; i <= 3; i++) {
      await page.keyboard.press('r');
      await page.getByRole('button', { name: /Stop/ }).first().waitFor();
      await page.waitForTimeout(TAKE_SECONDS * 1000);
      await page.keyboard.press('s');
      await expect.poll(() => page.getByTestId('take').count()).toBe(i);
    }
    const badges = page.getByTestId('take').locator('.badge');
    await expect.poll(async () => (await badges.allTextContents()).join('|'), { timeout: 120_000 }).not.toMatch(/Checking/);
    expect(await badges.allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/Good|Usable/)]));
    expect(await page.locator('.summary strong').textContent()).toBe('3');
    await shot('record');
  });

  it('keeps Clone disabled until the consent statement is recorded', async () => {
    await tab('Clone').click();
    expect(await page.getByRole('button', { name: 'Clone my voice' }).isDisabled()).toBe(true);
    expect(await page.getByTestId('consent-needed').textContent()).toMatch(/Consent: Type the name/);
  });

  it('writes the statement for the name and refuses it read by someone else (an imported file)', async () => {
    await tab('Consent').click();
    const statement = page.getByTestId('consent-statement');
    expect(await statement.textContent()).toMatch(/appears once the name is typed/);
    expect(await page.getByRole('button', { name: /^● Record/ }).isDisabled()).toBe(true);
    await page.getByLabel('Name of the person whose voice is cloned').fill(VOICE_NAME);
    await expect.poll(() => statement.textContent(), { timeout: 60_000 }).toMatch(new RegExp(`^I, ${VOICE_NAME}, agree .*voice`));

    // Another speaker (VCC2016 SM1) than the takes (SF1) reads it.
    const stranger = path.join(dir, 'someone-else.wav');
    sox(sharedData('vcc2016/train/SM1/100003.flac'), stranger);
    studio.picks.audio = [stranger];
    await page.getByRole('button', { name: /Import a recording of the statement/ }).click();
    const card = page.getByTestId('take');
    await expect.poll(() => card.locator('.badge').textContent(), { timeout: 120_000 }).toMatch(/Good|Usable/);
    expect(await card.locator('header strong').textContent()).toBe('Consent statement');
    expect(await page.getByTestId('consent-status').textContent()).toBe('Consent recorded.');

    await page.getByRole('button', { name: 'Next: clone →' }).click();
    await page.getByRole('button', { name: 'Clone my voice' }).click();
    const notice = page.locator('.notice.error');
    await notice.first().waitFor({ timeout: 120_000 });
    expect(await notice.first().textContent()).toMatch(/^Cloning refused: The consent recording does not sound like the same person .*similarity -?\d\.\d\d/);
    expect(await page.getByTestId('clone-done').count()).toBe(0);
    await shot('consent-rejected');
    await notice.first().getByRole('button', { name: 'Record the statement again' }).click();
    expect(await tab('Consent').getAttribute('aria-selected')).toBe('true');
  });

  it('records the consent statement from the microphone', async () => {
    const statement = await page.getByTestId('consent-statement').textContent();
    const card = page.getByTestId('take');
    await card.getByRole('button', { name: 'Remove' }).click();
    expect(await card.count()).toBe(0);
    expect(await page.getByTestId('consent-status').textContent()).toMatch(/^Record the consent statement/);
    const record = page.getByRole('button', { name: /^● Record/ });
    await expect.poll(() => record.isEnabled(), { timeout: 60_000 }).toBe(true);
    await page.keyboard.press('r');
    const stop = page.getByRole('button', { name: /Stop/ }).first();
    await stop.waitFor();
    await page.waitForTimeout(CONSENT_SECONDS * 1000);
    await page.keyboard.press('s');
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.locator('header strong').textContent()).toBe('Consent statement');
    await expect.poll(() => card.locator('.badge').textContent(), { timeout: 120_000 }).toMatch(/Good|Usable/);
    expect(await card.locator('.take-text').textContent()).toBe(statement);
    expect(await page.getByTestId('consent-status').textContent()).toBe('Consent recorded.');
    await shot('consent');
  });

  it('clones the voice by encoding and saves it', async () => {
    await page.getByRole('button', { name: 'Next: clone →' }).click();
    expect(await page.locator('.voice-name strong').textContent()).toBe(VOICE_NAME);
    await page.getByRole('radio', { name: /Encode/ }).check();
    expect(await page.getByTestId('consent-needed').count()).toBe(0);
    await page.getByRole('button', { name: 'Clone my voice' }).click();
    await page.locator('[data-testid=clone-done], .clone .problem, .notice.error').first().waitFor({ timeout: 600_000 });
    const failures = [...(await page.locator('.clone .problem').allTextContents()), ...(await page.locator('.notice.error').allTextContents())];
    expect(failures).toEqual([]);
    expect(await page.getByTestId('clone-done').textContent()).toContain(VOICE_NAME);
    await shot('clone');
  });

  it('speaks a sentence, plays it, and measures its similarity to the takes', async () => {
    await page.getByRole('button', { name: /Hear it on Compare/ }).click();
    // The new voice is picked; keep one built-in voice beside it.
    expect(await page.locator('.voice-picker label.mine', { hasText: VOICE_NAME }).locator('input').isChecked()).toBe(true);
    const builtins = page.locator('.voice-picker label:not(.mine) input:checked');
    while ((await builtins.count()) > 1) await builtins.last().uncheck();
    await page.getByLabel('Sentence to speak').fill('The quick brown fox jumps over the lazy dog.');
    await page.getByRole('button', { name: /^Speak with/ }).click();
    const column = page.locator('.column.new');
    await expect.poll(() => column.getByTestId('similarity').textContent(), { timeout: 600_000 }).toMatch(/\d\.\d{3} \(\d+ %/);
    await column.getByRole('button', { name: 'Play' }).click();
    await column.getByRole('button', { name: 'Stop' }).waitFor({ timeout: 10_000 });
    await shot('compare');
    studio.picks.save = path.join(dir, 'spoken.wav');
    await column.getByRole('button', { name: 'Export WAV' }).click();
    await expect.poll(() => fs.existsSync(path.join(dir, 'spoken.wav'))).toBe(true);
  });

  it('saves blind A/B answers and exports them as CSV', async () => {
    await page.getByRole('button', { name: /Start a blind A\/B trial/ }).click();
    await page.getByRole('button', { name: 'A', exact: true }).click();
    await page.getByText('1 answer saved').waitFor();
    const csv = path.join(dir, 'answers.csv');
    studio.picks.save = csv;
    await page.getByRole('button', { name: 'Export CSV' }).click();
    await expect.poll(() => fs.existsSync(csv)).toBe(true);
    const lines = fs.readFileSync(csv, 'utf8').trim().split('\r\n');
    expect(lines[0]).toBe('time,question,text,a,b,choice,chosen');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('The quick brown fox');
  });

  it('paints a frame every 100 ms at most during whole-model adaptation, and cancels it', async () => {
    await tab('Clone').click();
    await page.getByRole('radio', { name: /Adapt the whole model/ }).check();
    expect(await page.locator('.clone .problem').allTextContents()).toEqual([]);
    await page.getByRole('button', { name: 'Clone my voice' }).click();
    const stage = page.locator('.progress-text span').first();
    await expect.poll(() => stage.textContent(), { timeout: 300_000 }).toMatch(/^Adapting the model — step \d+ of \d+$/);
    const step = async () => Number((await stage.textContent())?.match(/^Adapting the model — step (\d+) of/)?.[1] ?? NaN);
    const firstStep = await step();
    await shot('clone-adapting');

    // Use the window while the model adapts: hover the tabs, the methods and Cancel, move the keyboard focus.
    const targets = [
      ...(await page.getByRole('tab').all()),
      ...(await page.locator('.methods label').all()),
      page.getByRole('button', { name: 'Cancel' }),
    ];
    await startFrameRecorder(page);
    const watching = performance.now();
    for (let i = 0; performance.now() - watching < WATCH_MS || (await step()) <= firstStep; i++) {
      if (performance.now() - watching > 300_000) throw new Error(`Adaptation made no progress past step ${firstStep} in 5 minutes.`);
      await targets[i % targets.length].hover();
      await page.keyboard.press('Tab');
      await page.waitForTimeout(100);
    }
    const lastStep = await step();
    expect(lastStep).toBeGreaterThan(firstStep);
    const adapting = await stopFrameRecorder(page);

    await startFrameRecorder(page);
    const cancelling = performance.now();
    await page.getByRole('button', { name: 'Cancel' }).click();
    const cloneButton = page.getByRole('button', { name: 'Clone my voice' });
    await cloneButton.waitFor({ timeout: 60_000 });
    const cancelMs = performance.now() - cancelling;
    const afterCancel = await stopFrameRecorder(page);
    console.log(
      `Whole-model adaptation, steps ${firstStep}→${lastStep}: ${adapting.frames} frames in ${adapting.seconds.toFixed(1)} s, ` +
        `longest gap ${adapting.maxGapMs.toFixed(1)} ms. Cancel: window usable after ${cancelMs.toFixed(0)} ms ` +
        `(${afterCancel.frames} frames, longest gap ${afterCancel.maxGapMs.toFixed(1)} ms).`,
    );
    expect(adapting.seconds).toBeGreaterThanOrEqual(WATCH_MS / 1000 - 0.5);
    expect(adapting.maxGapMs).toBeLessThanOrEqual(MAX_FRAME_GAP_MS);
    expect(afterCancel.maxGapMs).toBeLessThanOrEqual(MAX_FRAME_GAP_MS);
    expect(cancelMs).toBeLessThanOrEqual(CANCEL_MS);
    expect(await cloneButton.isEnabled()).toBe(true);
    expect(await page.getByRole('radio', { name: /Adapt the whole model/ }).isEnabled()).toBe(true);
    await page.locator('.notice', { hasText: 'Cloning cancelled.' }).waitFor({ timeout: 5_000 });
    // Nothing was saved: the library still holds the one voice made by encoding.
    expect((await studio.engine.listVoices()).filter((v) => v.name === VOICE_NAME).map((v) => v.method)).toEqual(['encode']);
  });

  it('lists the voice in the library with the map, and again after a restart', async () => {
    await tab('Library').click();
    await expect.poll(() => page.getByTestId('voice-row').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining(VOICE_NAME)]),
    );
    // The encoded voice's timbre match is drawn in its row.
    const row = page.getByTestId('voice-row').filter({ hasText: VOICE_NAME });
    await row.getByTestId('spectrum-curve').waitFor();
    expect(await row.getByTestId('spectrum-curve').getAttribute('aria-label')).toMatch(/^Timbre match: up to \+\d+\.\d dB near .+, down to -\d+\.\d dB near /);
    await page.getByTestId('voice-map').waitFor();
    expect(await page.getByTestId('voice-map').locator('.pt').count()).toBeGreaterThan(1);

    // The sentence exported from Compare carries the new voice's mark; the person's real recording carries none.
    studio.picks.audio = [path.join(dir, 'spoken.wav'), sharedData('vcc2016/train/SF1/100004.flac')];
    await page.getByRole('button', { name: /Check files for the watermark/ }).click();
    const verdicts = page.getByTestId('watermark-verdict');
    await expect.poll(() => verdicts.count(), { timeout: 120_000 }).toBe(2);
    expect(await verdicts.nth(0).textContent()).toMatch(new RegExp(`^spoken\\.wav Made with this app Spoken by the voice “${VOICE_NAME}”\\.`));
    expect(await verdicts.nth(1).textContent()).toMatch(/^100004\.flac No mark found /);
    await shot('library');

    await closeStudio();
    await openStudio();
    await tab('Library').click();
    await expect
      .poll(() => page.getByTestId('voice-row').allTextContents(), { timeout: 120_000 })
      .toEqual(expect.arrayContaining([expect.stringContaining(VOICE_NAME)]));
    await shot('library-after-restart');
  });
});
