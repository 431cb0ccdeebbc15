import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/redis-global.ts'],
    // Generous: CI runs on a busy 2-core machine (CLI and child-process tests take seconds each there).
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
