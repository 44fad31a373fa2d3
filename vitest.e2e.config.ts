import { defineConfig } from 'vitest/config';

// Browser journeys: a real server, a real Chromium, one file at a time.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    globalSetup: ['e2e/support/global-setup.ts'],
    testTimeout: 240_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    // a page on a busy two-core machine can take seconds to show what a poll waits for
    expect: { poll: { timeout: 15_000, interval: 100 } },
  },
});
