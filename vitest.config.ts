import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // Some tests run the CLI scripts (npm run new, release) as child processes: seconds each on a busy 2-core machine.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 600_000,
          // One browser at a time on a 2-core machine.
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'quality',
          include: ['tests/quality/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/quality/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 600_000,
          // Browsers, builds and Lighthouse one at a time on a 2-core machine.
          fileParallelism: false,
        },
      },
    ],
  },
});
