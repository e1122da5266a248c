import { defineConfig } from 'vitest/config';

// Two projects: fast unit/API tests (files run in parallel, each with its own database
// cloned from a migrated template) and browser journeys (one file at a time, Chromium).
export default defineConfig({
  test: {
    globalSetup: ['./scripts/test-global-setup.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'rules/**/*.test.ts', 'scripts/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
