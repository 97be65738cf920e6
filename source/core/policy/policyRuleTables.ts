import type { StoragePolicyRequest } from '../fsx/storagePolicySchema.js';
import { storagePolicyViolations } from '../fsx/storagePolicyViolations.js';
import {
  analyticsNames,
  analyticsServices,
  athenaMonthlyBytes,
  quickSightAuthorSeats,
} from './analyticsRules.js';
import {
  hibernationRule,
  hourlyCost,
  instanceSizeCaps,
  instanceTypeSuggestions,
  instanceTypesAllowed,
  rootVolumeSize,
  runningPerUser,
  spotRule,
} from './instanceRules.js';
import {
  bigDataRules,
  emptyPolicyNote,
  globusIdentity,
  hpcCaps,
  monthlyBudget,
  regionSuggestion,
  regionsAllowed,
  requiredTags,
  s3FileBuckets,
  serviceTypes,
  templateApproval,
  templateCompliance,
  templateOrigin,
  templateRulesChecked,
  templatesAllowed,
  templateVerification,
} from './launchRules.js';
import type { PolicyRequest } from './PolicyRequest.js';
import type { PolicyRule, PolicyRuleTable } from './PolicyRule.js';

const storageSection: PolicyRule<StoragePolicyRequest> = (run) => {
  run.violations.push(...storagePolicyViolations(run.policy.storage, run.request, run.checked));
};

/** What a launch's template chain must pass, in the verdict's order. */
const TEMPLATE_SOURCES = [templateOrigin, s3FileBuckets] as const;
const TEMPLATE_GOVERNANCE = [
  templateVerification,
  templateApproval,
  templateCompliance,
  templateRulesChecked,
  regionSuggestion,
] as const;

/** One instance: its type, size, price and purchase options. A cluster's head node is one too. */
const INSTANCE_RULES = [
  instanceSizeCaps,
  hourlyCost,
  monthlyBudget,
  spotRule,
  hibernationRule,
  runningPerUser,
];

/** A launch of one instance, with `extra` rules (a kind's own section) after the template's sources. */
function oneInstanceLaunch(extra: readonly PolicyRule<PolicyRequest>[]): PolicyRule<PolicyRequest>[] {
  return [
    templatesAllowed,
    instanceTypesAllowed,
    regionsAllowed,
    ...TEMPLATE_SOURCES,
    ...extra,
    ...TEMPLATE_GOVERNANCE,
    ...INSTANCE_RULES,
    serviceTypes,
    rootVolumeSize,
    requiredTags,
    globusIdentity,
    instanceTypeSuggestions,
    emptyPolicyNote,
  ];
}

/**
 * The rules each service kind is held to, in evaluation order; evaluatePolicy walks the one for the
 * request's kind, and a kind with no table here is denied. A new kind adds its table (and its
 * section of the policy), never a second evaluation path.
 */
export const POLICY_RULES: PolicyRuleTable = {
  workstation: oneInstanceLaunch([]),
  // A cluster's head node is the instance; its caps at full scale come in among the template's.
  hpc: oneInstanceLaunch([hpcCaps]),
  // No single instance: its capacity is held to the `bigdata:` caps, each instance type to the list.
  bigdata: [
    templatesAllowed,
    regionsAllowed,
    ...TEMPLATE_SOURCES,
    ...TEMPLATE_GOVERNANCE,
    hourlyCost,
    monthlyBudget,
    serviceTypes,
    requiredTags,
    bigDataRules,
    globusIdentity,
    emptyPolicyNote,
  ],
  analytics: [regionsAllowed, analyticsServices, analyticsNames, athenaMonthlyBytes, quickSightAuthorSeats],
  storage: [regionsAllowed, storageSection],
};
