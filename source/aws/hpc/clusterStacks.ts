import { DescribeStacksCommand, type Stack } from '@aws-sdk/client-cloudformation';
import { CloudError } from '../../core/CloudError.js';
import type { ClusterStatus } from '../../core/hpc/ports.js';
import { callAws } from '../callAws.js';
import { type CloudFormationHpcOptions, hpcCallContext } from './CloudFormationHpcOptions.js';

const KNOWN_STATUSES = new Set<string>([
  'CREATE_IN_PROGRESS',
  'CREATE_COMPLETE',
  'CREATE_FAILED',
  'ROLLBACK_COMPLETE',
  'UPDATE_IN_PROGRESS',
  'UPDATE_COMPLETE',
  'UPDATE_FAILED',
  'DELETE_IN_PROGRESS',
  'DELETE_FAILED',
  'DELETE_COMPLETE',
]);

/** A stack's status as a cluster's: the rollback states fold into the create or update they undo. */
export function clusterStatusOf(raw: string | undefined): ClusterStatus {
  if (raw && KNOWN_STATUSES.has(raw)) return raw as ClusterStatus;
  if (raw?.startsWith('UPDATE_ROLLBACK'))
    return raw.endsWith('IN_PROGRESS') ? 'UPDATE_IN_PROGRESS' : 'UPDATE_FAILED';
  if (raw?.startsWith('ROLLBACK'))
    return raw === 'ROLLBACK_IN_PROGRESS' ? 'CREATE_IN_PROGRESS' : 'ROLLBACK_COMPLETE';
  return 'CREATE_IN_PROGRESS';
}

export const stackTagsOf = (stack: Stack): Record<string, string> =>
  Object.fromEntries((stack.Tags ?? []).map((tag) => [tag.Key ?? '', tag.Value ?? '']));

export const isMissingStack = (error: unknown): boolean =>
  error instanceof CloudError && /does not exist/.test(error.message);

/** One stack by name, or undefined when there is none. */
export async function describeStack(
  options: CloudFormationHpcOptions,
  region: string,
  name: string,
): Promise<Stack | undefined> {
  try {
    const reply = await callAws(hpcCallContext(options, 'cloudformation:DescribeStacks', region), () =>
      options.cloudformation(region).send(new DescribeStacksCommand({ StackName: name })),
    );
    return reply.Stacks?.[0];
  } catch (error) {
    if (isMissingStack(error)) return undefined;
    throw error;
  }
}
