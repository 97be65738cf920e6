import type { Workstation } from '../../core/workstations/Workstation.js';

/** The SSH command for a workstation, or why there is none yet. */
export function sshCommandFor(workstation: Workstation): { command: string } | { problem: string } {
  const address = workstation.instance?.public_ip;
  if (workstation.state !== 'running') return { problem: `It is ${workstation.state}: start it first (s).` };
  if (!address) return { problem: 'It has no public IP address; connect through your bastion or SSM.' };
  const user = workstation.research_user ?? 'ec2-user';
  return { command: `ssh ${user}@${address}` };
}
