import {
  AccessDeniedException,
  CreateDashboardCommand,
  CreateDataSetCommand,
  CreateDataSourceCommand,
  QuickSightClient,
  RegisterUserCommand,
  ResourceExistsException,
  UnsupportedUserEditionException,
} from '@aws-sdk/client-quicksight';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { QuickSightAccount } from '../../../source/aws/quicksight/QuickSightAccount.js';
import type { CloudError } from '../../../source/core/CloudError.js';

const quicksight = mockClient(QuickSightClient);
const client = new QuickSightClient({
  region: 'us-east-1',
  credentials: { accessKeyId: 'AKIA', secretAccessKey: 's' },
});
const account = new QuickSightAccount({ quicksight: () => client, profile: 'lab' });
const ID = '123456789012';
const REGION = 'us-east-1';
const OWNER = `arn:aws:quicksight:${REGION}:${ID}:user/default/Researcher/ana`;
const tags = { 'cws:managed': 'true', 'cws:profile': 'lab' };
const failure = (promise: Promise<unknown>) =>
  promise.then(() => undefined).catch((e: unknown) => e as CloudError);

describe('QuickSightAccount: registering users', () => {
  beforeEach(() => quicksight.reset());

  it('registers an IAM role session as a reader and returns the user QuickSight made', async () => {
    quicksight.on(RegisterUserCommand).resolves({
      User: {
        Arn: OWNER,
        UserName: 'Researcher/ana',
        Email: 'ana@lab.edu',
        Role: 'READER',
        IdentityType: 'IAM',
        Active: false,
        PrincipalId: 'federated/iam/AROAEXAMPLEID:ana',
      },
      UserInvitationUrl: undefined,
      RequestId: 'b6e3c6a0-8f1e-4d7c-9a1b-2c3d4e5f6a7b',
      Status: 201,
    });
    const user = await account.registerUser(ID, REGION, {
      email: 'ana@lab.edu',
      role: 'READER',
      identity: { type: 'IAM', iam_arn: `arn:aws:iam::${ID}:role/Researcher`, session_name: 'ana' },
    });
    expect(user).toEqual({ name: 'Researcher/ana', arn: OWNER, role: 'READER' });
    expect(quicksight.commandCalls(RegisterUserCommand)[0]?.args[0].input).toEqual({
      AwsAccountId: ID,
      Namespace: 'default',
      Email: 'ana@lab.edu',
      UserRole: 'READER',
      IdentityType: 'IAM',
      IamArn: `arn:aws:iam::${ID}:role/Researcher`,
      SessionName: 'ana',
    });
  });

  it('sends a QuickSight identity by user name, with no IAM ARN', async () => {
    quicksight.on(RegisterUserCommand).resolves({
      User: { Arn: `arn:aws:quicksight:${REGION}:${ID}:user/default/ben`, UserName: 'ben', Role: 'AUTHOR' },
      UserInvitationUrl: 'https://us-east-1.quicksight.aws.amazon.com/sn/console/invitation?token=x',
      Status: 201,
    });
    await account.registerUser(ID, REGION, {
      email: 'ben@lab.edu',
      role: 'AUTHOR',
      identity: { type: 'QUICKSIGHT', user_name: 'ben' },
    });
    const input = quicksight.commandCalls(RegisterUserCommand)[0]?.args[0].input;
    expect(input).toMatchObject({ IdentityType: 'QUICKSIGHT', UserName: 'ben', UserRole: 'AUTHOR' });
    expect(input).not.toHaveProperty('IamArn');
  });

  it('says a user already registered, access denied and an edition without the role, each plainly', async () => {
    const spec = {
      email: 'ana@lab.edu',
      role: 'READER' as const,
      identity: { type: 'QUICKSIGHT' as const, user_name: 'ana' },
    };
    quicksight.on(RegisterUserCommand).rejects(
      new ResourceExistsException({
        message: 'The user with the provided name ana already exists.',
        ResourceType: 'USER',
        $metadata: { httpStatusCode: 409 },
      }),
    );
    const exists = await failure(account.registerUser(ID, REGION, spec));
    expect([exists?.kind, exists?.code, exists?.message]).toEqual([
      'conflict',
      'ResourceExistsException',
      'QuickSight: ana is already registered',
    ]);
    quicksight.on(RegisterUserCommand).rejects(
      new AccessDeniedException({
        message: `User: arn:aws:iam::${ID}:user/bob is not authorized to perform: quicksight:RegisterUser`,
        $metadata: { httpStatusCode: 401 },
      }),
    );
    expect((await failure(account.registerUser(ID, REGION, spec)))?.kind).toBe('unauthorized');
    quicksight.on(RegisterUserCommand).rejects(
      new UnsupportedUserEditionException({
        message: 'This operation is not supported in Standard edition.',
        $metadata: { httpStatusCode: 403 },
      }),
    );
    const edition = await failure(account.registerUser(ID, REGION, spec));
    expect(edition?.code).toBe('UnsupportedUserEditionException');
    expect(edition?.hint).toMatch(/Standard edition has no reader role/);
  });
});

describe('QuickSightAccount: data source, dataset and dashboard', () => {
  beforeEach(() => quicksight.reset());

  it('creates an Athena data source on the workgroup, owned by the user and tagged', async () => {
    quicksight.on(CreateDataSourceCommand).resolves({
      Arn: `arn:aws:quicksight:${REGION}:${ID}:datasource/cws-lab-spend-athena`,
      DataSourceId: 'cws-lab-spend-athena',
      CreationStatus: 'CREATION_IN_PROGRESS',
      RequestId: 'r1',
      Status: 202,
    });
    const asset = await account.createAthenaDataSource(ID, REGION, {
      id: 'cws-lab-spend-athena',
      name: 'Lab spend (Athena cws-lab)',
      workgroup: 'cws-lab',
      owner_arn: OWNER,
      tags,
    });
    expect(asset).toEqual({
      id: 'cws-lab-spend-athena',
      arn: `arn:aws:quicksight:${REGION}:${ID}:datasource/cws-lab-spend-athena`,
      created: true,
    });
    const input = quicksight.commandCalls(CreateDataSourceCommand)[0]?.args[0].input;
    expect(input).toMatchObject({
      Type: 'ATHENA',
      DataSourceParameters: { AthenaParameters: { WorkGroup: 'cws-lab' } },
      Tags: [
        { Key: 'cws:managed', Value: 'true' },
        { Key: 'cws:profile', Value: 'lab' },
      ],
    });
    expect(input?.Permissions?.[0]?.Principal).toBe(OWNER);
    expect(input?.Permissions?.[0]?.Actions).toContain('quicksight:PassDataSource');
  });

  it('makes a direct-query dataset with the catalog columns in QuickSight types', async () => {
    quicksight.on(CreateDataSetCommand).resolves({
      Arn: `arn:aws:quicksight:${REGION}:${ID}:dataset/cws-lab-spend-data`,
      DataSetId: 'cws-lab-spend-data',
      Status: 201,
    });
    await account.createDataSet(ID, REGION, {
      id: 'cws-lab-spend-data',
      name: 'cws_samples.lab_spend',
      data_source_arn: `arn:aws:quicksight:${REGION}:${ID}:datasource/cws-lab-spend-athena`,
      database: 'cws_samples',
      table: 'lab_spend',
      columns: [
        { name: 'day', type: 'date' },
        { name: 'service', type: 'string' },
        { name: 'hours', type: 'bigint' },
        { name: 'usd', type: 'double' },
      ],
      owner_arn: OWNER,
      tags,
    });
    const input = quicksight.commandCalls(CreateDataSetCommand)[0]?.args[0].input;
    expect(input?.ImportMode).toBe('DIRECT_QUERY');
    expect(input?.PhysicalTableMap?.table?.RelationalTable).toEqual({
      DataSourceArn: `arn:aws:quicksight:${REGION}:${ID}:datasource/cws-lab-spend-athena`,
      Catalog: 'AwsDataCatalog',
      Schema: 'cws_samples',
      Name: 'lab_spend',
      InputColumns: [
        { Name: 'day', Type: 'DATETIME' },
        { Name: 'service', Type: 'STRING' },
        { Name: 'hours', Type: 'INTEGER' },
        { Name: 'usd', Type: 'DECIMAL' },
      ],
    });
  });

  it('builds a one-sheet dashboard of the visuals, summing the value by the category', async () => {
    quicksight.on(CreateDashboardCommand).resolves({
      Arn: `arn:aws:quicksight:${REGION}:${ID}:dashboard/cws-lab-spend`,
      DashboardId: 'cws-lab-spend',
      VersionArn: `arn:aws:quicksight:${REGION}:${ID}:dashboard/cws-lab-spend/version/1`,
      CreationStatus: 'CREATION_IN_PROGRESS',
      Status: 202,
    });
    const dataSet = `arn:aws:quicksight:${REGION}:${ID}:dataset/cws-lab-spend-data`;
    await account.createDashboard(ID, REGION, {
      id: 'cws-lab-spend',
      name: 'Lab spend',
      data_set_arn: dataSet,
      visuals: [
        { kind: 'bar', title: 'By project', category: 'project', value: 'usd' },
        { kind: 'line', title: 'Daily', category: 'day', value: 'usd' },
        { kind: 'table', title: 'Table', category: 'service', value: 'usd' },
      ],
      owner_arn: OWNER,
      tags,
    });
    const definition = quicksight.commandCalls(CreateDashboardCommand)[0]?.args[0].input.Definition;
    expect(definition?.DataSetIdentifierDeclarations).toEqual([{ Identifier: 'data', DataSetArn: dataSet }]);
    const visuals = definition?.Sheets?.[0]?.Visuals ?? [];
    expect(visuals.map((visual) => Object.keys(visual)[0])).toEqual([
      'BarChartVisual',
      'LineChartVisual',
      'TableVisual',
    ]);
    const bar = visuals[0]?.BarChartVisual?.ChartConfiguration?.FieldWells?.BarChartAggregatedFieldWells;
    expect(bar?.Category?.[0]?.CategoricalDimensionField?.Column?.ColumnName).toBe('project');
    expect(bar?.Values?.[0]?.NumericalMeasureField).toMatchObject({
      Column: { DataSetIdentifier: 'data', ColumnName: 'usd' },
      AggregationFunction: { SimpleNumericalAggregation: 'SUM' },
    });
  });

  it('reuses an asset whose id exists, and stops on access denied', async () => {
    quicksight.on(CreateDashboardCommand).rejectsOnce(
      new ResourceExistsException({
        message: 'Dashboard cws-lab-spend already exists',
        $metadata: { httpStatusCode: 409 },
      }),
    );
    const spec = {
      id: 'cws-lab-spend',
      name: 'Lab spend',
      data_set_arn: `arn:aws:quicksight:${REGION}:${ID}:dataset/cws-lab-spend-data`,
      visuals: [{ kind: 'bar' as const, title: 'T', category: 'project', value: 'usd' }],
      owner_arn: OWNER,
      tags,
    };
    expect(await account.createDashboard(ID, REGION, spec)).toEqual({
      id: 'cws-lab-spend',
      arn: `arn:aws:quicksight:${REGION}:${ID}:dashboard/cws-lab-spend`,
      created: false,
    });
    quicksight.on(CreateDataSourceCommand).rejects(
      new AccessDeniedException({
        message: `User: arn:aws:iam::${ID}:user/bob is not authorized to perform: quicksight:CreateDataSource`,
        $metadata: { httpStatusCode: 401 },
      }),
    );
    const denied = await failure(
      account.createAthenaDataSource(ID, REGION, {
        id: 'x',
        name: 'x',
        workgroup: 'cws-lab',
        owner_arn: OWNER,
        tags,
      }),
    );
    expect(denied?.kind).toBe('unauthorized');
    expect(denied?.message).toMatch(/quicksight:CreateDataSource/);
  });
});
