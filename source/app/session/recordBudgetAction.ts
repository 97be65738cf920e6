import type { AuditEvent } from '../../core/audit/appendAuditEvent.js';
import type { BudgetActionStep } from '../../core/cost/budgetActionPlan.js';
import type { Instance } from '../../core/ports.js';
import type { SessionTeam } from './SessionTeam.js';

/** A workstation the app stopped or hibernated for a budget, as the audit log keeps it. */
export interface BudgetActionAudit extends AuditEvent {
  action: 'budget-stop' | 'budget-hibernate';
  profile: string;
  instance_id: string;
  name: string;
  region: string;
  note?: string;
}

/** A research user a session created itself (a first launch), audited as `users create` is. */
export interface UserCreatedAudit extends AuditEvent {
  action: 'user-created';
  username: string;
  uid: number;
  profile: string;
}

/**
 * What follows a budget's stop or hibernate: the audit event (this machine's log and the lab's
 * store, as every audited action) and the workstation's running leases given back, so the caps
 * count it as stopped on every member's machine.
 */
export async function recordBudgetAction(
  step: BudgetActionStep,
  context: {
    profile: string;
    audit(event: BudgetActionAudit): Promise<void>;
    team: SessionTeam | undefined;
    instance: () => Promise<Instance | undefined>;
  },
): Promise<void> {
  await context.audit({
    action: step.action === 'hibernate' ? 'budget-hibernate' : 'budget-stop',
    profile: context.profile,
    instance_id: step.id,
    name: step.name,
    region: step.region,
    ...(step.note ? { note: step.note } : {}),
  });
  if (!context.team) return;
  const instance = await context.instance();
  if (instance) await context.team.releasedInstance(instance);
}
