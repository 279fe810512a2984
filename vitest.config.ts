// Three test projects: pure unit tests, HTTP integration tests on in-memory
// SQLite, and browser tests in Debian's Chromium. `npm test` runs all three.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      // Integration tests render reports and PDFs; on a loaded two-core machine that can take longer than the default five seconds.
      { test: { name: 'integration', include: ['test/integration/**/*.test.ts'], testTimeout: 30_000 } },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
