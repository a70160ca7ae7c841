import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    pool: 'forks',
    // Hang guards, not speed checks: on a busy two-core machine (CI beside other jobs, or `npm run bench` alongside)
    // building a test index and starting the tools' processes takes minutes. Speed lives in `npm run bench`.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    reporters: ['default'],
  },
});
