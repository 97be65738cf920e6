import { type EC2Client, paginateDescribeInstances } from '@aws-sdk/client-ec2';
import type { ClusterNode } from '../../core/hpc/ports.js';
import type { AwsCallContext } from '../AwsCallContext.js';
import { callAws } from '../callAws.js';

/** The clusters' instances by their ParallelCluster tags: head node or compute, queue, compute resource. */
export async function clusterNodes(
  ec2: EC2Client,
  context: AwsCallContext,
  names: string[],
): Promise<Array<{ cluster: string; node_type: string; node: ClusterNode }>> {
  const found: Array<{ cluster: string; node_type: string; node: ClusterNode }> = [];
  await callAws(context, async () => {
    const pages = paginateDescribeInstances(
      { client: ec2 },
      {
        Filters: [
          { Name: 'tag:parallelcluster:cluster-name', Values: names },
          { Name: 'instance-state-name', Values: ['pending', 'running', 'stopping', 'stopped'] },
        ],
      },
    );
    for await (const page of pages) {
      for (const instance of (page.Reservations ?? []).flatMap((r) => r.Instances ?? [])) {
        const tags = Object.fromEntries((instance.Tags ?? []).map((t) => [t.Key ?? '', t.Value ?? '']));
        const queue = tags['parallelcluster:queue-name'];
        const resource = tags['parallelcluster:compute-resource-name'];
        found.push({
          cluster: tags['parallelcluster:cluster-name'] ?? '',
          node_type: tags['parallelcluster:node-type'] ?? '',
          node: {
            instance_id: instance.InstanceId ?? '',
            instance_type: instance.InstanceType ?? '',
            state: instance.State?.Name ?? 'unknown',
            launched_at: (instance.LaunchTime ?? new Date(0)).toISOString(),
            ...(queue ? { queue } : {}),
            ...(resource ? { compute_resource: resource } : {}),
          },
        });
      }
    }
  });
  return found;
}
