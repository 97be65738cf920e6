import { describe, expect, it } from 'vitest';
import { workstationStatesChanged } from '../../../source/app/shell/workstationStatesChanged.js';
import type { Workstation } from '../../../source/core/workstations/Workstation.js';

function row(id: string, state: Workstation['state'], hibernated = false): Workstation {
  return {
    id,
    name: id,
    kind: 'ec2',
    template: 'python-ml',
    region: 'us-east-1',
    state,
    hibernated,
    instance_type: 't3.medium',
    launched_at: '2026-12-01T10:00:00.000Z',
    connect: 'ssh',
  };
}

describe('workstationStatesChanged', () => {
  const before = [row('i-1', 'running'), row('i-2', 'stopped')];

  it('sees no change in the same rows, or in new rows of the same states', () => {
    expect(workstationStatesChanged(before, before)).toBe(false);
    expect(workstationStatesChanged(before, [row('i-1', 'running'), row('i-2', 'stopped')])).toBe(false);
  });

  it('sees a state, a hibernation, a workstation more or less, and another order', () => {
    expect(workstationStatesChanged(before, [before[0] as Workstation, row('i-2', 'running')])).toBe(true);
    expect(workstationStatesChanged(before, [before[0] as Workstation, row('i-2', 'stopped', true)])).toBe(
      true,
    );
    expect(workstationStatesChanged(before, [before[0] as Workstation])).toBe(true);
    expect(workstationStatesChanged(before, [...before, row('i-3', 'pending')])).toBe(true);
    expect(workstationStatesChanged(before, [row('i-2', 'stopped'), row('i-1', 'running')])).toBe(true);
  });
});
