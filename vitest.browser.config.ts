// The real-browser tests (`npm run test:browser`): they load built reports in Debian's chromium
// through playwright-core, so they need /usr/bin/chromium and a build; `npm test` excludes them.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    pool: 'forks',
    // One browser at a time: the machines that run this are shared.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
