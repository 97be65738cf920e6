import { mapWithConcurrency } from '../exec/mapWithConcurrency.js';
import { notRunningProblem, requireCommandTargets } from '../exec/requireCommandTargets.js';
import { runRemoteCommand } from '../exec/runRemoteCommand.js';
import type { OperationsContext } from '../operations/OperationsContext.js';
import type { Workstation } from '../workstations/Workstation.js';
import { IDLE_POLICY_TAG, type IdlePolicy } from './idlePolicies.js';
import { idlePolicyScript } from './idlePolicyScript.js';

export interface IdleApplyResult {
  workstation: string;
  applied: boolean;
  reason?: string;
}

/**
 * Applies an idle policy to running workstations through SSM and tags each with the policy's name;
 * one that is not running or has no agent is reported, not silently skipped.
 */
export async function applyIdlePolicy(
  context: OperationsContext,
  policy: IdlePolicy,
  workstations: readonly Workstation[],
): Promise<IdleApplyResult[]> {
  const script = idlePolicyScript(policy);
  const results = await mapWithConcurrency(workstations, 8, async (workstation): Promise<IdleApplyResult> => {
    try {
      const problem = notRunningProblem(workstation);
      if (problem) return { workstation: workstation.name, applied: false, reason: problem.message };
      await requireCommandTargets(context.account.commands, [workstation]);
      const invocation = await runRemoteCommand(
        context.account.commands,
        {
          region: workstation.region,
          instance_id: workstation.id,
          script,
          comment: `cws-tui idle policy ${policy.name}`,
          timeout_seconds: 120,
        },
        { intervalMs: context.pollIntervalMs },
      );
      if (invocation.status !== 'success') {
        return {
          workstation: workstation.name,
          applied: false,
          reason: (invocation.stderr || invocation.status).trim(),
        };
      }
      await context.account.instanceChanges.tagInstances(workstation.region, [workstation.id], {
        [IDLE_POLICY_TAG]: policy.name,
      });
      return { workstation: workstation.name, applied: true };
    } catch (error) {
      return {
        workstation: workstation.name,
        applied: false,
        reason: error instanceof Error ? error.message : String(error),
      };
    }
  });
  await context.audit({
    action: 'idle-apply',
    profile: context.profile.name,
    targets: workstations.map((w) => w.name),
    policy: policy.name,
    applied: results.filter((r) => r.applied).map((r) => r.workstation),
  });
  return results;
}
