// End-to-end test settings (`npm run test:e2e`): the real renderer in headless Chromium against the real engine;
// one file at a time, with timeouts sized for cloning on a laptop CPU.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    testTimeout: 900_000,
    hookTimeout: 300_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
