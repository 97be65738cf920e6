import {
  CodeCatalystClient,
  ListDevEnvironmentsCommand,
  ListProjectsCommand,
  ListSpacesCommand,
  StartDevEnvironmentCommand,
  StopDevEnvironmentCommand,
} from '@aws-sdk/client-codecatalyst';
import {
  CreateDatasetCommand,
  CreateProfileJobCommand,
  CreateRecipeCommand,
  CreateRecipeJobCommand,
  DataBrewClient,
  DescribeJobRunCommand,
  ListDatasetsCommand,
  ListJobRunsCommand,
  ListJobsCommand,
  PublishRecipeCommand,
  StartJobRunCommand,
} from '@aws-sdk/client-databrew';
import {
  CreateDashboardCommand,
  CreateDataSetCommand,
  CreateDataSourceCommand,
  DescribeAccountSubscriptionCommand,
  GenerateEmbedUrlForRegisteredUserCommand,
  ListDashboardsCommand,
  ListUsersCommand,
  QuickSightClient,
  RegisterUserCommand,
} from '@aws-sdk/client-quicksight';
import { quickSightDashboardDefinition } from '../../source/aws/quicksight/quickSightDashboardDefinition.js';
import { DATABREW_RECIPES } from '../../source/core/analytics/dataBrewRecipes.js';
import {
  type CapturedRequest,
  capturingHandler,
  capturingClientConfig as config,
} from './serializedRequest.js';

/** Clients of the DataBrew, QuickSight and CodeCatalyst adapters, sending to the capturing handler. */
export const analyticsClients = {
  databrew: new DataBrewClient(config),
  quicksight: new QuickSightClient(config),
  // CodeCatalyst signs with a Builder ID bearer token, not SigV4, in us-west-2 as the adapter does.
  codecatalyst: new CodeCatalystClient({
    region: 'us-west-2',
    token: { token: 'aoa-builder-id-token' },
    maxAttempts: 1,
    requestHandler: capturingHandler,
  }),
};

export interface AnalyticsCase {
  client: keyof typeof analyticsClients;
  protocol: CapturedRequest['protocol'];
  command: { input: unknown; constructor: { name: string } };
}

const on = (client: AnalyticsCase['client'], ...commands: AnalyticsCase['command'][]): AnalyticsCase[] =>
  commands.map((command) => ({ client, protocol: 'rest-json', command }));

const ACCOUNT = '123456789012';
const tags = { 'cws:managed': 'true', 'cws:project': 'genomics' };
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/cws-tui/cws-databrew-job`;
const output = { Bucket: 'genomics-out', Key: 'databrew/samples-clean/' };
const clean = DATABREW_RECIPES.clean ?? { description: '', steps: [] };
const SPACE = 'genomics-lab';
const PROJECT = 'variant-calling';
const QS_OWNER = `arn:aws:quicksight:us-east-1:${ACCOUNT}:user/default/Researcher/ana`;
const DEV_ENVIRONMENT = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

/** Each command the DataBrew, QuickSight and CodeCatalyst adapters send, shaped as they send it. */
export const analyticsCases: AnalyticsCase[] = [
  ...on(
    'databrew',
    new CreateDatasetCommand({
      Name: 'samples',
      Format: 'CSV',
      Input: { S3InputDefinition: { Bucket: 'genomics-raw', Key: 'samples/samples.csv' } },
      FormatOptions: { Csv: { Delimiter: ',', HeaderRow: true } },
      Tags: tags,
    }),
    new CreateDatasetCommand({
      Name: 'events',
      Format: 'JSON',
      Input: { S3InputDefinition: { Bucket: 'genomics-raw', Key: 'events/' } },
      FormatOptions: { Json: { MultiLine: false } },
      Tags: tags,
    }),
    new ListDatasetsCommand({}),
    new CreateRecipeCommand({
      Name: 'cws-clean',
      Description: clean.description,
      Steps: clean.steps.map((step) => ({
        Action: { Operation: step.operation, Parameters: step.parameters },
      })),
      Tags: tags,
    }),
    new PublishRecipeCommand({ Name: 'cws-clean', Description: 'cws-tui example recipe' }),
    new CreateRecipeJobCommand({
      Name: 'samples-clean',
      DatasetName: 'samples',
      RecipeReference: { Name: 'cws-clean', RecipeVersion: '1.0' },
      RoleArn: ROLE_ARN,
      MaxCapacity: 5,
      Outputs: [{ Location: output, Format: 'CSV', Overwrite: true }],
      Tags: tags,
    }),
    new CreateProfileJobCommand({
      Name: 'samples-profile',
      DatasetName: 'samples',
      RoleArn: ROLE_ARN,
      MaxCapacity: 2,
      OutputLocation: { Bucket: 'genomics-out', Key: 'databrew/profiles/' },
      Tags: tags,
    }),
    new ListJobsCommand({}),
    new StartJobRunCommand({ Name: 'samples-clean' }),
    new DescribeJobRunCommand({ Name: 'samples-clean', RunId: 'db_0a1b2c3d4e5f60718293a4b5c6d7e8f9' }),
    new ListJobRunsCommand({ Name: 'samples-clean' }),
  ),
  ...on(
    'quicksight',
    new DescribeAccountSubscriptionCommand({ AwsAccountId: ACCOUNT }),
    new ListUsersCommand({ AwsAccountId: ACCOUNT, Namespace: 'default' }),
    new ListDashboardsCommand({ AwsAccountId: ACCOUNT }),
    new GenerateEmbedUrlForRegisteredUserCommand({
      AwsAccountId: ACCOUNT,
      UserArn: `arn:aws:quicksight:us-east-1:${ACCOUNT}:user/default/ana`,
      SessionLifetimeInMinutes: 60,
      ExperienceConfiguration: { Dashboard: { InitialDashboardId: 'f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b' } },
    }),
    new RegisterUserCommand({
      AwsAccountId: ACCOUNT,
      Namespace: 'default',
      Email: 'ana@lab.edu',
      UserRole: 'READER',
      IdentityType: 'IAM',
      IamArn: `arn:aws:iam::${ACCOUNT}:role/Researcher`,
      SessionName: 'ana',
    }),
    new CreateDataSourceCommand({
      AwsAccountId: ACCOUNT,
      DataSourceId: 'cws-lab-spend-athena',
      Name: 'Lab spend (Athena cws-lab)',
      Type: 'ATHENA',
      DataSourceParameters: { AthenaParameters: { WorkGroup: 'cws-lab' } },
      Permissions: [
        { Principal: QS_OWNER, Actions: ['quicksight:DescribeDataSource', 'quicksight:PassDataSource'] },
      ],
      Tags: [{ Key: 'cws:managed', Value: 'true' }],
    }),
    new CreateDataSetCommand({
      AwsAccountId: ACCOUNT,
      DataSetId: 'cws-lab-spend-data',
      Name: 'cws_samples.lab_spend',
      ImportMode: 'DIRECT_QUERY',
      PhysicalTableMap: {
        table: {
          RelationalTable: {
            DataSourceArn: `arn:aws:quicksight:us-east-1:${ACCOUNT}:datasource/cws-lab-spend-athena`,
            Catalog: 'AwsDataCatalog',
            Schema: 'cws_samples',
            Name: 'lab_spend',
            InputColumns: [
              { Name: 'project', Type: 'STRING' },
              { Name: 'usd', Type: 'DECIMAL' },
            ],
          },
        },
      },
      Permissions: [
        { Principal: QS_OWNER, Actions: ['quicksight:DescribeDataSet', 'quicksight:PassDataSet'] },
      ],
      Tags: [{ Key: 'cws:managed', Value: 'true' }],
    }),
    new CreateDashboardCommand({
      AwsAccountId: ACCOUNT,
      DashboardId: 'cws-lab-spend',
      Name: 'Lab spend by project and service',
      Definition: quickSightDashboardDefinition(
        `arn:aws:quicksight:us-east-1:${ACCOUNT}:dataset/cws-lab-spend-data`,
        [
          { kind: 'bar', title: 'Spend by project', category: 'project', value: 'usd' },
          { kind: 'line', title: 'Daily spend', category: 'day', value: 'usd' },
          { kind: 'table', title: 'Spend', category: 'service', value: 'usd' },
        ],
      ),
      Permissions: [
        { Principal: QS_OWNER, Actions: ['quicksight:DescribeDashboard', 'quicksight:QueryDashboard'] },
      ],
      Tags: [{ Key: 'cws:managed', Value: 'true' }],
    }),
  ),
  ...on(
    'codecatalyst',
    new ListSpacesCommand({}),
    new ListProjectsCommand({ spaceName: SPACE }),
    new ListDevEnvironmentsCommand({ spaceName: SPACE, projectName: PROJECT }),
    new StartDevEnvironmentCommand({ spaceName: SPACE, projectName: PROJECT, id: DEV_ENVIRONMENT }),
    new StopDevEnvironmentCommand({ spaceName: SPACE, projectName: PROJECT, id: DEV_ENVIRONMENT }),
  ),
];
