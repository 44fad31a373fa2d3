import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // e2e/support's own tests need no browser; the journeys (*.e2e.test.ts) run by vitest.e2e.config.ts
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts', 'e2e/support/**/*.test.ts'],
    exclude: ['e2e/**/*.e2e.test.ts', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // PGlite instances are heavy; two cores on CI
    maxWorkers: 2,
  },
});
