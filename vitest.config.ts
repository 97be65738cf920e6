import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    environment: 'node',
    globalSetup: ['test/globalSetup.ts'],
    testTimeout: 20_000,
    // Tests must never read or write the real user's config, state or AWS credentials.
    env: {
      CWS_DEMO_SPEED: '0',
      AWS_EC2_METADATA_DISABLED: 'true',
      NO_COLOR: '',
    },
    pool: 'forks',
  },
});
