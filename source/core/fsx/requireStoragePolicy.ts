import { OperationError } from '../operations/OperationError.js';
import { evaluatePolicy } from '../policy/evaluatePolicy.js';
import type { Policy } from '../policy/policySchema.js';
import type { StoragePolicyRequest } from './storagePolicySchema.js';

/** Refuses (denied, exit 3) a file system the profile's policy does not allow, before any call. */
export function requireStoragePolicy(policy: Policy, profile: string, request: StoragePolicyRequest): void {
  const verdict = evaluatePolicy(policy, request, {});
  if (verdict.allowed) return;
  throw new OperationError(
    'denied',
    `profile '${profile}' policy denies this file system: ${verdict.violations.map((v) => v.message).join('; ')}`,
    'Nothing was created. Ask an admin, or pick a type and size the policy allows.',
  );
}
