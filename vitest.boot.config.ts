import { defineConfig } from 'vitest/config';

/** `npm run test:boot`: built-in templates booted in a Debian root under systemd-nspawn. */
export default defineConfig({
  test: {
    include: ['test/boot/**/*.boot.ts'],
    environment: 'node',
    testTimeout: 60 * 60_000,
    hookTimeout: 20 * 60_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
