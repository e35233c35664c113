import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // the tests spawn real processes; two cores, so keep parallelism modest
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      {
        // the checkout: tests spawn bin/*.js, which run the dist/ bundle built from src/
        extends: true,
        test: {
          name: 'checkout',
          include: ['test/**/*.test.ts'],
          exclude: ['test/package/**'],
          globalSetup: ['test/global-setup.ts'],
        },
      },
      {
        // what users install: the tarball packed as CI packs it, installed on every supported
        // Node, and the standalone executable (test/package/global-setup.ts makes them)
        extends: true,
        test: {
          name: 'package',
          include: ['test/package/**/*.test.ts'],
          globalSetup: ['test/global-setup.ts', 'test/package/global-setup.ts'],
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
