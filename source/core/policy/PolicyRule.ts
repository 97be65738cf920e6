import type { StoragePolicyRequest } from '../fsx/storagePolicySchema.js';
import type { AnalyticsPolicyRequest } from './AnalyticsPolicyRequest.js';
import type { PolicyContext } from './PolicyContext.js';
import type { PolicyRequest } from './PolicyRequest.js';
import type { PolicySuggestion, PolicyViolation } from './PolicyVerdict.js';
import type { Policy } from './policySchema.js';

/** What each service kind asks the policy about: launches share one shape, the others have theirs. */
export interface PolicyRequestsByKind {
  /** An EC2 workstation, a SageMaker notebook or Studio Lab: one instance. */
  workstation: PolicyRequest;
  /** A ParallelCluster cluster: its head node as the instance, its size at full scale in `cluster`. */
  hpc: PolicyRequest;
  /** An EMR application or cluster: its capacity in `bigdata`, no single instance. */
  bigdata: PolicyRequest;
  analytics: AnalyticsPolicyRequest;
  storage: StoragePolicyRequest;
}

export type PolicyKind = keyof PolicyRequestsByKind;

/** One evaluation in progress: a rule reads the policy, request and facts, and adds what it finds. */
export interface PolicyRun<Request> {
  policy: Policy;
  request: Request;
  context: PolicyContext;
  violations: PolicyViolation[];
  suggestions: PolicySuggestion[];
  /** The rules the policy has and that were checked, in evaluation order. */
  checked: string[];
  notes: string[];
}

export type PolicyRule<Request> = (run: PolicyRun<Request>) => void;

/** The rules each kind is held to, in evaluation order: the one list evaluatePolicy walks. */
export type PolicyRuleTable = {
  readonly [Kind in PolicyKind]: readonly PolicyRule<PolicyRequestsByKind[Kind]>[];
};
