import { describe, expect, it } from 'vitest';
import { budgetActionPlan } from '../../../source/core/cost/budgetActionPlan.js';
import type { BudgetAlert } from '../../../source/core/cost/evaluateBudget.js';
import type { Instance } from '../../../source/core/ports.js';

const instance = (id: string, name: string, state: Instance['state'], hibernation: boolean): Instance => ({
  id,
  name,
  region: 'us-east-1',
  state,
  instance_type: 't3.large',
  architecture: 'x86_64',
  image_id: 'ami-1',
  launched_at: '2026-11-01T00:00:00Z',
  spot: false,
  hibernation_configured: hibernation,
  hibernated: false,
  root_volume_gb: 30,
  root_volume_type: 'gp3',
  tags: {},
  transitions: [],
});

const alert = (action: BudgetAlert['action']): BudgetAlert => ({
  threshold: 100,
  action,
  percent_used: 101,
  message: 'm',
  requires_confirmation: true,
});

const instances = [
  instance('i-1', 'zeta', 'running', true),
  instance('i-2', 'alpha', 'running', false),
  instance('i-3', 'idle', 'stopped', true),
];

describe('budgetActionPlan', () => {
  it('hibernates running workstations that can, and stops the others, saying why', () => {
    expect(budgetActionPlan(alert('hibernate'), instances)).toEqual([
      {
        id: 'i-2',
        name: 'alpha',
        region: 'us-east-1',
        action: 'stop',
        note: 'launched without hibernation: it will be stopped',
      },
      { id: 'i-1', name: 'zeta', region: 'us-east-1', action: 'hibernate' },
    ]);
  });

  it('stops every running workstation on a stop alert and does nothing on warn or block', () => {
    expect(budgetActionPlan(alert('stop'), instances).map((step) => [step.name, step.action])).toEqual([
      ['alpha', 'stop'],
      ['zeta', 'stop'],
    ]);
    expect(budgetActionPlan(alert('warn'), instances)).toEqual([]);
    expect(budgetActionPlan(alert('block'), instances)).toEqual([]);
  });
});
