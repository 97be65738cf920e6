import { OperationError } from '../operations/OperationError.js';
import type { RemoteCommandPort } from '../ports.js';
import type { Workstation } from '../workstations/Workstation.js';

/** Why a workstation cannot take a command now, and what to do; undefined when it can. */
export function notRunningProblem(workstation: Workstation): OperationError | undefined {
  if (workstation.kind !== 'ec2') {
    return new OperationError(
      'refused',
      `${workstation.name} is a ${workstation.kind} service: commands run only on EC2 workstations`,
    );
  }
  if (workstation.state === 'running') return undefined;
  const state = workstation.hibernated && workstation.state === 'stopped' ? 'hibernated' : workstation.state;
  return new OperationError(
    'refused',
    `${workstation.name} is ${state}: start it first`,
    `cws-tui start ${workstation.name}`,
  );
}

/**
 * The workstations whose SSM agent is online, one region at a time. A running instance without a
 * registered agent is refused with the reason (no instance role, agent not started yet, no route
 * to the SSM endpoints) rather than left waiting for a command that never arrives.
 */
export async function requireCommandTargets(
  commands: RemoteCommandPort,
  workstations: readonly Workstation[],
): Promise<void> {
  for (const workstation of workstations) {
    const problem = notRunningProblem(workstation);
    if (problem) throw problem;
  }
  const byRegion = new Map<string, Workstation[]>();
  for (const workstation of workstations) {
    byRegion.set(workstation.region, [...(byRegion.get(workstation.region) ?? []), workstation]);
  }
  for (const [region, inRegion] of byRegion) {
    const nodes = await commands.managedNodes(
      region,
      inRegion.map((w) => w.id),
    );
    for (const workstation of inRegion) {
      const node = nodes.find((n) => n.instance_id === workstation.id);
      if (node?.ping === 'Online') continue;
      throw new OperationError(
        'refused',
        node
          ? `the SSM agent of ${workstation.name} is ${node.ping === 'ConnectionLost' ? 'not answering (connection lost)' : 'inactive'}`
          : `${workstation.name} has no SSM agent registered with Systems Manager`,
        node
          ? 'Wait a minute after a start; if it stays, reboot it or check that it can reach the ssm, ssmmessages and ec2messages endpoints.'
          : 'Its instance profile needs AmazonSSMManagedInstanceCore and the agent needs a route to the SSM endpoints; workstations launched by cws-tui have both (the agent registers about a minute after boot).',
      );
    }
  }
}
