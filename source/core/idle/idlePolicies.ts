import { OperationError } from '../operations/OperationError.js';
import type { PlannedIdleAgent } from '../provisioning/ProvisioningPlan.js';

/** A named idle policy: the idle agent's thresholds and what it does, or `off`. */
export interface IdlePolicy {
  name: string;
  description: string;
  /** Undefined for `off`: the agent is stopped and disabled. */
  agent?: PlannedIdleAgent;
}

export const IDLE_POLICY_TAG = 'cws:idle-policy';

export const IDLE_POLICIES: readonly IdlePolicy[] = [
  {
    name: 'balanced',
    description: 'stop after 60 idle minutes (the default for interactive work)',
    agent: { idleMinutes: 60, intervalMinutes: 5 },
  },
  {
    name: 'aggressive',
    description: 'stop after 15 idle minutes (teaching, short sessions)',
    agent: { idleMinutes: 15, intervalMinutes: 5 },
  },
  {
    name: 'hibernate',
    description: 'mark idle after 20 minutes, hibernate after 30 (RAM kept; stops when it cannot hibernate)',
    agent: { idleMinutes: 20, hibernateMinutes: 30, intervalMinutes: 5 },
  },
  {
    name: 'gpu',
    description: 'stop after 20 idle minutes, counting GPU use (GPU hours are the expensive ones)',
    agent: { idleMinutes: 20, intervalMinutes: 2 },
  },
  {
    name: 'batch',
    description: 'stop after 3 idle hours (long jobs with quiet phases)',
    agent: { idleMinutes: 180, intervalMinutes: 10 },
  },
  { name: 'off', description: 'no idle detection: the workstation runs until stopped' },
];

export function findIdlePolicy(name: string): IdlePolicy {
  const policy = IDLE_POLICIES.find((p) => p.name === name);
  if (!policy) {
    throw new OperationError(
      'invalid',
      `no idle policy '${name}'`,
      `The policies are ${IDLE_POLICIES.map((p) => p.name).join(', ')} (cws-tui idle list).`,
    );
  }
  return policy;
}
