import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests spawn the built binary; on a busy two-core CI machine each spawn can take seconds.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
