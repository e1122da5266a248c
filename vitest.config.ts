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
          include: [
            'src/**/*.test.ts',
            'web/app/**/*.test.ts',
            'web/ui/**/*.test.ts',
            'web/features/**/*.test.ts',
            'rules/**/*.test.ts',
            'scripts/**/*.test.ts',
          ],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.ts'],
          // Journeys assert by waiting (expect.poll) for a state; on a busy machine a page can
          // take seconds to get there, so they wait up to 30 s (vitest's default is 1 s).
          expect: { poll: { timeout: 30_000, interval: 100 } },
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
