import {
  CreateTableCommand,
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  type DescribeTableCommandOutput,
  type DynamoDBClient,
  UpdateContinuousBackupsCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { TeamStoreError } from '../../core/team/TeamStoreError.js';
import { dynamoTeamError } from './dynamoTeamError.js';

/** What `team init` creates, said before it does. */
export const TEAM_TABLE_PLAN = [
  'one DynamoDB table, partition key pk (string) and sort key sk (string)',
  'on-demand billing (no capacity to provision: pay per request)',
  'point-in-time recovery (35 days of continuous backups)',
  'deletion protection (it must be turned off before the table can be deleted)',
  'encryption at rest with the AWS owned key (no KMS charge)',
  'tag cws:managed=true',
];

export interface TeamTableDescription {
  table: string;
  status: string;
  billing: string;
  item_count: number;
  size_bytes: number;
  deletion_protection: boolean;
  point_in_time_recovery: 'enabled' | 'disabled' | 'unknown';
}

/** Creates the table as planned and waits until it is active; PITR that cannot be enabled is a warning. */
export async function createTeamTable(
  client: DynamoDBClient,
  table: string,
  options: { waitSeconds?: number } = {},
): Promise<{ warnings: string[] }> {
  try {
    await client.send(
      new CreateTableCommand({
        TableName: table,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        DeletionProtectionEnabled: true,
        Tags: [{ Key: 'cws:managed', Value: 'true' }],
      }),
    );
    await waitUntilTableExists(
      { client, maxWaitTime: options.waitSeconds ?? 300, minDelay: 1, maxDelay: 5 },
      { TableName: table },
    );
  } catch (error) {
    if (error instanceof Error && error.name === 'ResourceInUseException') {
      throw new TeamStoreError(
        'refused',
        `a table named ${table} already exists; it was left untouched (use it with --team-store ${table}, or choose another name)`,
      );
    }
    throw dynamoTeamError(error, table, 'dynamodb:CreateTable');
  }
  try {
    await client.send(
      new UpdateContinuousBackupsCommand({
        TableName: table,
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      }),
    );
    return { warnings: [] };
  } catch (error) {
    const reason = dynamoTeamError(error, table, 'dynamodb:UpdateContinuousBackups').message;
    return {
      warnings: [`point-in-time recovery could not be enabled (${reason}); enable it in the console`],
    };
  }
}

/**
 * The table's figures, after checking it has the team store's key schema: a table keyed otherwise
 * is someone else's and is refused.
 */
export async function describeTeamTable(
  client: DynamoDBClient,
  table: string,
): Promise<TeamTableDescription> {
  let description: DescribeTableCommandOutput;
  try {
    description = await client.send(new DescribeTableCommand({ TableName: table }));
  } catch (error) {
    throw dynamoTeamError(error, table, 'dynamodb:DescribeTable');
  }
  const found = description.Table;
  const keys = (found?.KeySchema ?? []).map((key) => `${key.AttributeName}:${key.KeyType}`).sort();
  const types = new Map((found?.AttributeDefinitions ?? []).map((a) => [a.AttributeName, a.AttributeType]));
  if (keys.join(',') !== 'pk:HASH,sk:RANGE' || types.get('pk') !== 'S' || types.get('sk') !== 'S') {
    throw new TeamStoreError(
      'refused',
      `the table ${table} is not keyed as a cws-tui team store (string pk and sk); it was left untouched`,
    );
  }
  return {
    table,
    status: found?.TableStatus ?? 'UNKNOWN',
    billing: found?.BillingModeSummary?.BillingMode ?? 'PROVISIONED',
    item_count: found?.ItemCount ?? 0,
    size_bytes: found?.TableSizeBytes ?? 0,
    deletion_protection: found?.DeletionProtectionEnabled === true,
    point_in_time_recovery: await pitrStatus(client, table),
  };
}

async function pitrStatus(
  client: DynamoDBClient,
  table: string,
): Promise<TeamTableDescription['point_in_time_recovery']> {
  try {
    const output = await client.send(new DescribeContinuousBackupsCommand({ TableName: table }));
    const status =
      output.ContinuousBackupsDescription?.PointInTimeRecoveryDescription?.PointInTimeRecoveryStatus;
    return status === 'ENABLED' ? 'enabled' : status === 'DISABLED' ? 'disabled' : 'unknown';
  } catch {
    return 'unknown';
  }
}
