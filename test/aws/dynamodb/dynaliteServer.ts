import type { AddressInfo } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import { DynamoTeamStore } from '../../../source/aws/dynamodb/DynamoTeamStore.js';
import { createTeamTable } from '../../../source/aws/dynamodb/teamTable.js';
import { initialiseTeamFormat } from '../../../source/core/team/checkTeamFormat.js';

/** A real DynamoDB implementation (dynalite, in memory) on a random loopback port. */
export interface DynaliteServer {
  endpoint: string;
  close(): Promise<void>;
}

export async function startDynalite(): Promise<DynaliteServer> {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Static test credentials: dynalite checks none, and no provider chain may run in a test. */
export function dynamoClient(endpoint: string): DynamoDBClient {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  return new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
}

/** A new team table, as `team init` makes it (point-in-time recovery is not in dynalite). */
export async function createTestTeamStore(endpoint: string, table: string): Promise<DynamoTeamStore> {
  const client = dynamoClient(endpoint);
  await createTeamTable(client, table, { waitSeconds: 10 });
  const store = new DynamoTeamStore(client, { kind: 'dynamodb', table, region: 'us-east-1', endpoint });
  await initialiseTeamFormat(store);
  return store;
}
