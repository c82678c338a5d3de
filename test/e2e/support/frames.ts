// The window's responsiveness as the e2e page measures it: the time of every animation frame the renderer paints
// (requestAnimationFrame), so a test can read the longest gap between two frames while the engine works.
import type { Page } from 'playwright-core';

declare global {
  interface Window {
    /** Frame times (ms) of the recording in progress; absent when none runs. */
    __frameTimes?: number[];
  }
}

export interface FrameGaps {
  /** Animation frames painted. */
  frames: number;
  /** Seconds from the first frame to the last. */
  seconds: number;
  /** The longest time between two consecutive frames, in milliseconds. */
  maxGapMs: number;
}

/** Starts recording the time of each animation frame in the page. */
export async function startFrameRecorder(page: Page): Promise<void> {
  // No named functions inside: a transform that keeps names (esbuild's keepNames) would reference a helper the page
  // lacks.
  await page.evaluate(() => {
    const times: number[] = [];
    window.__frameTimes = times;
    void (async () => {
      while (window.__frameTimes === times) times.push(await new Promise<number>((resolve) => requestAnimationFrame(resolve)));
    })();
  });
}

/** Stops the recording and returns its frames and the longest gap between two of them. */
export async function stopFrameRecorder(page: Page): Promise<FrameGaps> {
  const times = await page.evaluate(() => {
    const recorded = window.__frameTimes;
    if (!recorded) throw new Error('No frame recording is running: call startFrameRecorder first.');
    delete window.__frameTimes;
    return recorded;
  });
  if (times.length < 2) throw new Error(`Only ${times.length} animation frame(s) were painted: the page did not render.`);
  let maxGapMs = 0;
  for (let i = 1; i < times.length; i++) maxGapMs = Math.max(maxGapMs, times[i] - times[i - 1]);
  return { frames: times.length, seconds: (times[times.length - 1] - times[0]) / 1000, maxGapMs };
}
