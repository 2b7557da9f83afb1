import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30000,
    // expect.poll gives up after 1 s by default: the web page's tests poll for what the browser
    // shows after a fetch, which took longer than that once on a machine at load 10. Their other
    // steps wait up to 8 s (the browser context's default), so the polls do too.
    expect: { poll: { timeout: 8000 } },
  },
});
