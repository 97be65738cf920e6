import { paginateDescribeStackEvents } from '@aws-sdk/client-cloudformation';
import { firstFailedEvent, type StackEventFacts } from '../../core/hpc/firstFailedEvent.js';
import type { StackFailure } from '../../core/hpc/ports.js';
import { callAws } from '../callAws.js';
import { type CloudFormationHpcOptions, hpcCallContext } from './CloudFormationHpcOptions.js';
import { isMissingStack } from './clusterStacks.js';
import { clusterStackName } from './clusterStackTemplate.js';

/**
 * Why a cluster failed: the first failed resource in ParallelCluster's own stack, else in the app
 * stack that holds it; undefined when neither has one.
 */
export async function firstClusterFailure(
  options: CloudFormationHpcOptions,
  region: string,
  name: string,
): Promise<StackFailure | undefined> {
  for (const stackName of [name, clusterStackName(name)]) {
    const events: StackEventFacts[] = [];
    try {
      await callAws(hpcCallContext(options, 'cloudformation:DescribeStackEvents', region), async () => {
        for await (const page of paginateDescribeStackEvents(
          { client: options.cloudformation(region) },
          { StackName: stackName },
        )) {
          for (const event of page.StackEvents ?? [])
            events.push({
              stack: stackName,
              logical_id: event.LogicalResourceId ?? '?',
              resource_type: event.ResourceType ?? '?',
              status: event.ResourceStatus ?? '',
              ...(event.ResourceStatusReason ? { reason: event.ResourceStatusReason } : {}),
              at: (event.Timestamp ?? new Date(0)).toISOString(),
            });
        }
      });
    } catch (error) {
      if (isMissingStack(error)) continue;
      throw error;
    }
    const failure = firstFailedEvent(events);
    if (failure) return failure;
  }
  return undefined;
}
