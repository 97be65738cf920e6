import type { StoragePolicyRequest } from '../fsx/storagePolicySchema.js';
import type { AnalyticsPolicyRequest } from './AnalyticsPolicyRequest.js';
import type { PolicyRequest } from './PolicyRequest.js';
import type { PolicyKind, PolicyRequestsByKind } from './PolicyRule.js';

export type ClassifiedPolicyRequest<Kind extends PolicyKind = PolicyKind> = {
  [K in Kind]: { kind: K; request: PolicyRequestsByKind[K] };
}[Kind];

/** A request no rule table is for: the policy denies it (fails closed). */
export interface UnknownPolicyRequest {
  kind: 'unknown';
  /** What it claimed to be, for the message. */
  described: string;
}

/**
 * Which service kind a request is, and so which rules it is held to. Analytics and storage requests
 * say so in `kind`; a launch is an EMR request when it has `bigdata` facts, a cluster when it has
 * `cluster` facts, else a workstation. Anything else (a kind no table has, or a launch that claims
 * to be both a cluster and EMR) is unknown.
 */
export function classifyPolicyRequest(
  request: PolicyRequest | AnalyticsPolicyRequest | StoragePolicyRequest,
): ClassifiedPolicyRequest | UnknownPolicyRequest {
  if ('kind' in request) {
    const kind: unknown = request.kind;
    if (kind === 'analytics') return { kind, request: request as AnalyticsPolicyRequest };
    if (kind === 'storage') return { kind, request: request as StoragePolicyRequest };
    return { kind: 'unknown', described: `a '${String(kind)}' request` };
  }
  if (request.bigdata && request.cluster)
    return { kind: 'unknown', described: 'a request that is both an HPC cluster and an EMR application' };
  if (request.bigdata) return { kind: 'bigdata', request };
  if (request.cluster) return { kind: 'hpc', request };
  return { kind: 'workstation', request };
}
