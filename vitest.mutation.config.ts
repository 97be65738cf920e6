import { defineConfig } from 'vitest/config';

/**
 * The tests Stryker runs against each mutant (`npm run test:mutation`): the fast unit tests of the
 * governance modules it mutates, not the whole suite.
 */
export default defineConfig({
  test: {
    include: [
      'test/core/identity/**/*.test.ts',
      'test/core/policy/**/*.test.ts',
      'test/core/text/**/*.test.ts',
      'test/core/cost/budgetWidening.test.ts',
      'test/core/launch/LaunchRecordStore.test.ts',
      'test/core/provisioning/appControlledSettings.test.ts',
      'test/core/provisioning/shellQuote.test.ts',
      'test/core/provisioning/scriptValueRules.test.ts',
    ],
    environment: 'node',
    testTimeout: 20_000,
    env: { CWS_DEMO_SPEED: '0', AWS_EC2_METADATA_DISABLED: 'true', NO_COLOR: '' },
    pool: 'forks',
  },
});
