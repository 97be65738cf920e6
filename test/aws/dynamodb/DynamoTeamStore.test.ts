import { randomUUID } from 'node:crypto';
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoTeamStore } from '../../../source/aws/dynamodb/DynamoTeamStore.js';
import { createTeamTable, describeTeamTable } from '../../../source/aws/dynamodb/teamTable.js';
import { checkTeamFormat } from '../../../source/core/team/checkTeamFormat.js';
import { teamStoreContract } from '../../core/team/teamStoreContract.js';
import { createTestTeamStore, type DynaliteServer, dynamoClient, startDynalite } from './dynaliteServer.js';

let server: DynaliteServer;
beforeAll(async () => {
  server = await startDynalite();
});
afterAll(async () => {
  await server.close();
});

const tableName = () => `team-${randomUUID().slice(0, 8)}`;

describe('DynamoTeamStore on dynalite', () => {
  teamStoreContract(() => createTestTeamStore(server.endpoint, tableName()));

  it('describes a team table and accepts its format', async () => {
    const table = tableName();
    const store = await createTestTeamStore(server.endpoint, table);
    await checkTeamFormat(store);
    const description = await describeTeamTable(dynamoClient(server.endpoint), table);
    expect(description).toMatchObject({ table, status: 'ACTIVE', billing: 'PAY_PER_REQUEST' });
  });

  it('refuses a table made by someone else: other keys, or no format item', async () => {
    const client = dynamoClient(server.endpoint);
    const foreign = tableName();
    await client.send(
      new CreateTableCommand({
        TableName: foreign,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      }),
    );
    await expect(describeTeamTable(client, foreign)).rejects.toThrow(/not keyed as a cws-tui team store/);
    const bare = tableName();
    await createTeamTable(client, bare, { waitSeconds: 10 });
    const store = new DynamoTeamStore(client, { kind: 'dynamodb', table: bare, region: 'us-east-1' });
    await expect(checkTeamFormat(store)).rejects.toThrow(/is not a cws-tui team store/);
    await expect(createTeamTable(client, bare, { waitSeconds: 10 })).rejects.toThrow(
      /already exists; it was left untouched/,
    );
  });

  it('says the table is missing in words, not the SDK message', async () => {
    const store = new DynamoTeamStore(dynamoClient(server.endpoint), {
      kind: 'dynamodb',
      table: 'no-such-table',
      region: 'us-east-1',
    });
    await expect(store.get({ pk: 'A', sk: 'b' })).rejects.toThrow(
      "the team store table no-such-table does not exist: create it with 'cws-tui team init'",
    );
  });
});
