import {
  CreateTableCommand,
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DynamoDBClient,
  DynamoDBServiceException,
  UpdateContinuousBackupsCommand,
} from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { DynamoTeamStore } from '../../../source/aws/dynamodb/DynamoTeamStore.js';
import { createTeamTable, describeTeamTable } from '../../../source/aws/dynamodb/teamTable.js';
import { networkError } from '../awsServiceError.js';

const dynamo = mockClient(DynamoDBClient);
// The store sends through the document client, which has its own stack.
const documents = mockClient(DynamoDBDocumentClient);
const client = new DynamoDBClient({
  region: 'eu-west-1',
  credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
});

function serviceError(name: string, message: string): DynamoDBServiceException {
  return new DynamoDBServiceException({
    name,
    message,
    $fault: 'client',
    $metadata: { httpStatusCode: 400, requestId: 'R4NDOM', attempts: 5 },
  });
}

const ACTIVE_TABLE = {
  Table: {
    TableName: 'lab-team',
    TableStatus: 'ACTIVE' as const,
    KeySchema: [
      { AttributeName: 'pk', KeyType: 'HASH' as const },
      { AttributeName: 'sk', KeyType: 'RANGE' as const },
    ],
    AttributeDefinitions: [
      { AttributeName: 'pk', AttributeType: 'S' as const },
      { AttributeName: 'sk', AttributeType: 'S' as const },
    ],
    BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST' as const },
    ItemCount: 42,
    TableSizeBytes: 9000,
    DeletionProtectionEnabled: true,
  },
};

beforeEach(() => dynamo.reset());

describe('the team table on DynamoDB (SDK level)', () => {
  it('creates it on demand, protected and tagged, waits until active, then enables point-in-time recovery', async () => {
    dynamo.on(CreateTableCommand).resolves({});
    dynamo.on(DescribeTableCommand).resolves(ACTIVE_TABLE);
    dynamo.on(UpdateContinuousBackupsCommand).resolves({});
    expect(await createTeamTable(client, 'lab-team', { waitSeconds: 5 })).toEqual({ warnings: [] });
    const input = dynamo.commandCalls(CreateTableCommand)[0]?.args[0].input;
    expect(input).toMatchObject({
      TableName: 'lab-team',
      BillingMode: 'PAY_PER_REQUEST',
      DeletionProtectionEnabled: true,
      Tags: [{ Key: 'cws:managed', Value: 'true' }],
    });
    expect(dynamo.commandCalls(UpdateContinuousBackupsCommand)[0]?.args[0].input).toEqual({
      TableName: 'lab-team',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    });
  });

  it('leaves an existing table alone, and says a denied PITR without failing the creation', async () => {
    dynamo
      .on(CreateTableCommand)
      .rejectsOnce(serviceError('ResourceInUseException', 'Table already exists: lab-team'));
    await expect(createTeamTable(client, 'lab-team', { waitSeconds: 5 })).rejects.toThrow(
      'a table named lab-team already exists; it was left untouched',
    );
    dynamo.reset();
    dynamo.on(CreateTableCommand).resolves({});
    dynamo.on(DescribeTableCommand).resolves(ACTIVE_TABLE);
    dynamo
      .on(UpdateContinuousBackupsCommand)
      .rejects(
        serviceError('AccessDeniedException', 'not authorized to perform: dynamodb:UpdateContinuousBackups'),
      );
    const { warnings } = await createTeamTable(client, 'lab-team', { waitSeconds: 5 });
    expect(warnings[0]).toMatch(
      /^point-in-time recovery could not be enabled \(.*Not permitted: dynamodb:UpdateContinuousBackups/,
    );
  });

  it('describes the table with its protection and recovery', async () => {
    dynamo.on(DescribeTableCommand).resolves(ACTIVE_TABLE);
    dynamo.on(DescribeContinuousBackupsCommand).resolves({
      ContinuousBackupsDescription: {
        ContinuousBackupsStatus: 'ENABLED',
        PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: 'ENABLED' },
      },
    });
    expect(await describeTeamTable(client, 'lab-team')).toEqual({
      table: 'lab-team',
      status: 'ACTIVE',
      billing: 'PAY_PER_REQUEST',
      item_count: 42,
      size_bytes: 9000,
      deletion_protection: true,
      point_in_time_recovery: 'enabled',
    });
  });

  it('explains throttling that outlasted the retries and an unreachable endpoint, never the raw SDK error', async () => {
    const store = new DynamoTeamStore(client, { kind: 'dynamodb', table: 'lab-team', region: 'eu-west-1' });
    documents.reset();
    documents
      .on(GetCommand)
      .rejectsOnce(
        serviceError(
          'ProvisionedThroughputExceededException',
          'The level of configured provisioned throughput for the table was exceeded',
        ),
      )
      .rejectsOnce(networkError('ECONNREFUSED', 'connect ECONNREFUSED 10.0.0.1:443'));
    await expect(store.get({ pk: 'USER', sk: 'alice' })).rejects.toThrow(
      'DynamoDB is throttling requests to lab-team (still throttled after backing off): retry in a minute',
    );
    await expect(store.get({ pk: 'USER', sk: 'alice' })).rejects.toThrow(
      /^the team store lab-team cannot be used: Cannot reach AWS .*\(ECONNREFUSED\)/,
    );
  });
});
