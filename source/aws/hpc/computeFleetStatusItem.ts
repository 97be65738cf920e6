import { type DynamoDBClient, GetItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import type { ComputeFleetStatus } from '../../core/hpc/ports.js';
import type { AwsCallContext } from '../AwsCallContext.js';
import { callAws } from '../callAws.js';

const fleetItem = (name: string) => ({
  TableName: `parallelcluster-${name}`,
  Key: { Id: { S: 'COMPUTE_FLEET' } },
});

/** ParallelCluster keeps the fleet's status in its table `parallelcluster-<cluster>`, item COMPUTE_FLEET. */
export async function computeFleetStatus(
  dynamodb: DynamoDBClient,
  context: AwsCallContext,
  name: string,
): Promise<ComputeFleetStatus> {
  try {
    const reply = await callAws(context, () =>
      dynamodb.send(new GetItemCommand({ ...fleetItem(name), ConsistentRead: true })),
    );
    const status = reply.Item?.Data?.M?.status?.S;
    return status &&
      ['RUNNING', 'STOP_REQUESTED', 'STOPPING', 'STOPPED', 'START_REQUESTED', 'STARTING'].includes(status)
      ? (status as ComputeFleetStatus)
      : 'UNKNOWN';
  } catch {
    return 'UNKNOWN';
  }
}

/** Asks ParallelCluster's daemons to stop or start the fleet, as `pcluster update-compute-fleet` does. */
export async function requestComputeFleet(
  dynamodb: DynamoDBClient,
  context: AwsCallContext,
  name: string,
  status: 'STOP_REQUESTED' | 'START_REQUESTED',
): Promise<void> {
  await callAws(context, () =>
    dynamodb.send(
      new UpdateItemCommand({
        ...fleetItem(name),
        UpdateExpression: 'SET #d.#s = :s, #d.#t = :t',
        ExpressionAttributeNames: { '#d': 'Data', '#s': 'status', '#t': 'lastStatusUpdatedTime' },
        ExpressionAttributeValues: { ':s': { S: status }, ':t': { S: new Date().toISOString() } },
      }),
    ),
  );
}
