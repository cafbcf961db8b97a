import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Fixed office date and zone-independent runs; individual tests override these.
    env: { NO_COLOR: '1', PARVANDE_TODAY: '2026-11-25', TZ: 'Asia/Tehran' },
  },
});
