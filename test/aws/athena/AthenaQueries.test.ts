import {
  AthenaClient,
  BatchGetQueryExecutionCommand,
  CreateWorkGroupCommand,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  GetWorkGroupCommand,
  InvalidRequestException,
  ListQueryExecutionsCommand,
  type QueryExecution,
  StartQueryExecutionCommand,
  StopQueryExecutionCommand,
  TooManyRequestsException,
  UpdateWorkGroupCommand,
} from '@aws-sdk/client-athena';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { AthenaQueries } from '../../../source/aws/athena/AthenaQueries.js';
import { runAthenaQuery } from '../../../source/core/analytics/runAthenaQuery.js';
import { streamQueryResults } from '../../../source/core/analytics/streamQueryResults.js';
import { CloudError } from '../../../source/core/CloudError.js';

const athena = mockClient(AthenaClient);
const client = new AthenaClient({
  region: 'us-east-1',
  credentials: { accessKeyId: 'AKIA', secretAccessKey: 's' },
});
const queries = new AthenaQueries({ athena: () => client, profile: 'lab' });
const ID = '3f2a9c1e-7b4d-4e2a-9f10-8c5d2e6b7a01';
const meta = { httpStatusCode: 400, requestId: 'b7c1e4f0-5d1a-4c3e-9f55-1a2b3c4d5e6f' };

function execution(state: string, extra: Partial<QueryExecution> = {}): { QueryExecution: QueryExecution } {
  return {
    QueryExecution: {
      QueryExecutionId: ID,
      Query: 'SELECT station,\n  tmax FROM weather',
      WorkGroup: 'cws-lab',
      QueryExecutionContext: { Database: 'climate' },
      Status: { State: state as 'RUNNING', SubmissionDateTime: new Date('2026-12-06T04:00:00Z') },
      Statistics: { DataScannedInBytes: 0 },
      ...extra,
    },
  };
}

beforeEach(() => athena.reset());

describe('AthenaQueries on the SDK', () => {
  it('creates a missing workgroup with enforced results location, encryption, cutoff and tags', async () => {
    athena.on(GetWorkGroupCommand).rejects(
      new InvalidRequestException({
        message: 'WorkGroup cws-lab is not found.',
        $metadata: meta,
        AthenaErrorCode: 'INVALID_INPUT',
      }),
    );
    athena.on(CreateWorkGroupCommand).resolves({});
    const workgroup = await queries.ensureWorkgroup('us-east-1', {
      name: 'cws-lab',
      output_location: 's3://lab-bucket/results/athena/cws-lab/',
      encryption: 'SSE_S3',
      bytes_scanned_cutoff: 10_737_418_240,
      tags: { 'cws:managed': 'true' },
    });
    expect(workgroup).toMatchObject({
      name: 'cws-lab',
      enforced: true,
      bytes_scanned_cutoff: 10_737_418_240,
    });
    expect(athena.commandCalls(CreateWorkGroupCommand)[0]?.args[0].input).toEqual({
      Name: 'cws-lab',
      Description: expect.any(String),
      Configuration: {
        ResultConfiguration: {
          OutputLocation: 's3://lab-bucket/results/athena/cws-lab/',
          EncryptionConfiguration: { EncryptionOption: 'SSE_S3' },
        },
        EnforceWorkGroupConfiguration: true,
        PublishCloudWatchMetricsEnabled: true,
        BytesScannedCutoffPerQuery: 10_737_418_240,
      },
      Tags: [{ Key: 'cws:managed', Value: 'true' }],
    });
  });

  it('brings an existing workgroup to the policy, removing a cutoff the policy no longer has', async () => {
    athena.on(GetWorkGroupCommand).resolves({
      WorkGroup: {
        Name: 'cws-lab',
        State: 'ENABLED',
        Configuration: { BytesScannedCutoffPerQuery: 20_000_000 },
      },
    });
    athena.on(UpdateWorkGroupCommand).resolves({});
    await queries.ensureWorkgroup('us-east-1', {
      name: 'cws-lab',
      output_location: 's3://lab-bucket/r/',
      encryption: 'SSE_KMS',
      kms_key: 'arn:aws:kms:us-east-1:111122223333:key/abc',
      tags: {},
    });
    const update = athena.commandCalls(UpdateWorkGroupCommand)[0]?.args[0].input;
    expect(update?.ConfigurationUpdates).toMatchObject({
      EnforceWorkGroupConfiguration: true,
      RemoveBytesScannedCutoffPerQuery: true,
      ResultConfigurationUpdates: {
        EncryptionConfiguration: {
          EncryptionOption: 'SSE_KMS',
          KmsKey: 'arn:aws:kms:us-east-1:111122223333:key/abc',
        },
      },
    });
    expect(athena.commandCalls(CreateWorkGroupCommand)).toHaveLength(0);
  });

  it('runs a query through QUEUED and RUNNING to a failure whose reason names line and column', async () => {
    athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: ID });
    athena
      .on(GetQueryExecutionCommand)
      .resolvesOnce(execution('QUEUED'))
      .resolvesOnce(execution('RUNNING'))
      .resolves(
        execution('FAILED', {
          Status: {
            State: 'FAILED',
            StateChangeReason:
              "COLUMN_NOT_FOUND: line 2:3: Column 'tmax' cannot be resolved or requester is not authorized to access requested resources",
            AthenaError: { ErrorCategory: 2, ErrorType: 1006, Retryable: false },
          },
        }),
      );
    const waits: number[] = [];
    const outcome = await runAthenaQuery(
      queries,
      'us-east-1',
      {
        sql: 'SELECT station,\n  tmax FROM weather',
        workgroup: 'cws-lab',
        database: 'climate',
        client_token: 'a'.repeat(32),
      },
      { wait: async (ms) => void waits.push(ms) },
    );
    expect(waits).toEqual([200, 300]);
    expect(outcome.cost_usd).toBe(0);
    expect(outcome.error).toContain('line 2, column 3:\n      tmax FROM weather\n      ^');
    expect(athena.commandCalls(StartQueryExecutionCommand)[0]?.args[0].input).toEqual({
      QueryString: 'SELECT station,\n  tmax FROM weather',
      WorkGroup: 'cws-lab',
      ClientRequestToken: 'a'.repeat(32),
      QueryExecutionContext: { Database: 'climate' },
    });
  });

  it('reads a query cancelled at the bytes-scanned limit, charged for what it scanned', async () => {
    athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: ID });
    athena.on(GetQueryExecutionCommand).resolves(
      execution('CANCELLED', {
        Status: {
          State: 'CANCELLED',
          StateChangeReason: 'Query cancelled! : Bytes scanned limit was exceeded',
        },
        Statistics: { DataScannedInBytes: 10_738_466_816 },
      }),
    );
    const outcome = await runAthenaQuery(
      queries,
      'us-east-1',
      { sql: 'SELECT * FROM events', workgroup: 'cws-lab', client_token: 'b'.repeat(32) },
      { wait: async () => {} },
    );
    expect(outcome.cancelled_by_limit).toBe(true);
    expect(outcome.cost_usd).toBeCloseTo(0.0488, 4);
  });

  it('follows NextToken page by page, dropping the header row of the first page only', async () => {
    const columns = {
      ColumnInfo: [
        { Name: 'n', Type: 'integer' },
        { Name: 'word', Type: 'varchar' },
      ],
    };
    const row = (...values: string[]) => ({ Data: values.map((VarCharValue) => ({ VarCharValue })) });
    athena
      .on(GetQueryResultsCommand, { QueryExecutionId: ID, MaxResults: 2 })
      .resolves({
        ResultSet: { ResultSetMetadata: columns, Rows: [row('n', 'word'), row('1', 'one')] },
        NextToken: 't1',
      })
      .on(GetQueryResultsCommand, { QueryExecutionId: ID, MaxResults: 2, NextToken: 't1' })
      .resolves({
        ResultSet: { ResultSetMetadata: columns, Rows: [row('n', 'n'), row('2', 'two')] },
        NextToken: 't2',
      })
      .on(GetQueryResultsCommand, { QueryExecutionId: ID, MaxResults: 2, NextToken: 't2' })
      .resolves({ ResultSet: { ResultSetMetadata: columns, Rows: [row('3', 'three')] } });
    const pages: string[][][] = [];
    for await (const page of streamQueryResults((token) =>
      queries.getResultsPage('us-east-1', ID, { max_rows: 2, ...(token ? { token } : {}) }),
    ))
      pages.push(page.rows);
    expect(pages).toEqual([
      [['1', 'one']],
      [
        ['n', 'n'],
        ['2', 'two'],
      ],
      [['3', 'three']],
    ]);
  });

  it('lists history newest first across pages and batches, and stops a query', async () => {
    athena
      .on(ListQueryExecutionsCommand)
      .resolvesOnce({ QueryExecutionIds: ['q3', 'q2'], NextToken: 'more' })
      .resolves({ QueryExecutionIds: ['q1'] });
    athena.on(BatchGetQueryExecutionCommand).resolves({
      QueryExecutions: ['q1', 'q3', 'q2'].map((id) => ({
        QueryExecutionId: id,
        Query: `SELECT '${id}'`,
        Status: { State: 'SUCCEEDED' },
        Statistics: { DataScannedInBytes: 1024 },
      })),
      UnprocessedQueryExecutionIds: [],
    });
    athena.on(StopQueryExecutionCommand).resolves({});
    const history = await queries.listQueries('us-east-1', 'cws-lab', 100);
    expect(history.map((q) => q.id)).toEqual(['q3', 'q2', 'q1']);
    await queries.cancelQuery('us-east-1', 'q3');
    expect(athena.commandCalls(StopQueryExecutionCommand)[0]?.args[0].input).toEqual({
      QueryExecutionId: 'q3',
    });
  });

  it('turns a missing workgroup and throttling into errors that say what to do', async () => {
    athena.on(StartQueryExecutionCommand).rejects(
      new InvalidRequestException({
        message: 'WorkGroup nope is not found.',
        $metadata: meta,
        AthenaErrorCode: 'INVALID_INPUT',
      }),
    );
    const missing = await queries
      .startQuery('us-east-1', { sql: 'SELECT 1', workgroup: 'nope', client_token: 'c'.repeat(32) })
      .catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(CloudError);
    expect(missing).toMatchObject({
      kind: 'not-found',
      hint: expect.stringContaining('cws-tui athena workgroup'),
    });
    athena
      .on(GetQueryExecutionCommand)
      .rejects(new TooManyRequestsException({ message: 'Rate exceeded', $metadata: meta }));
    await expect(queries.getQuery('us-east-1', ID)).rejects.toMatchObject({ kind: 'throttled' });
  });
});
