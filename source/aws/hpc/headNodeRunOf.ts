import { CloudError } from '../../core/CloudError.js';
import type { HeadNodeRun } from '../../core/hpc/ports.js';
import type { RemoteInvocation } from '../../core/ports.js';

/** A Run Command invocation as a head node run; one that never ran is an error with its fix. */
export function headNodeRunOf(invocation: RemoteInvocation): HeadNodeRun {
  if (
    invocation.status === 'undeliverable' ||
    (invocation.status === 'timed-out' && invocation.exit_code === undefined)
  )
    throw new CloudError({
      kind: 'network',
      code: 'Undeliverable',
      message: `the head node ${invocation.instance_id} did not take the command (SSM agent not answering)`,
      hint: 'The head node needs AmazonSSMManagedInstanceCore (the app adds it) and a route to SSM: a public IP or NAT, or ssm/ssmmessages/ec2messages VPC endpoints.',
    });
  return {
    exit_code: invocation.exit_code ?? (invocation.status === 'success' ? 0 : 1),
    stdout: invocation.stdout,
    stderr: invocation.stderr,
  };
}
