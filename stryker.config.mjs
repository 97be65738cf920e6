// Mutation testing of the governance modules: `npm run test:mutation` (slow; not run in CI).
// One process: the machine is shared. Narrow `mutate` with --mutate to test one module.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  concurrency: 1,
  coverageAnalysis: 'perTest',
  mutate: [
    'source/core/identity/policyChain.ts',
    'source/core/identity/invitationToken.ts',
    'source/core/identity/enforcedProfile.ts',
    'source/core/identity/RootTrust.ts',
    'source/core/identity/configRefusal.ts',
    'source/core/identity/privilegedGroups.ts',
    'source/core/identity/canonicalJson.ts',
    'source/core/policy/evaluatePolicy.ts',
    'source/core/policy/narrowerThan.ts',
    'source/core/policy/checkGlobRule.ts',
    'source/core/policy/matchesGlob.ts',
    'source/core/policy/templateOriginViolations.ts',
    'source/core/cost/budgetWidening.ts',
    'source/core/provisioning/scriptValueRules.ts',
    'source/core/provisioning/shellQuote.ts',
    'source/core/text/sanitizeForTerminal.ts',
    'source/core/text/sanitizeCommandOutput.ts',
    'source/core/launch/LaunchRecordStore.ts',
    'source/core/launch/ownershipTampering.ts',
  ],
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  timeoutMS: 20000,
};
