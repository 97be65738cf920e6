import {
  CreateDashboardCommand,
  CreateDataSetCommand,
  CreateDataSourceCommand,
  type QuickSightClient,
  RegisterUserCommand,
  type Tag,
} from '@aws-sdk/client-quicksight';
import type {
  QuickSightAsset,
  QuickSightPort,
  QuickSightRole,
  QuickSightUser,
} from '../../core/analytics/quickSightPorts.js';
import { CloudError } from '../../core/CloudError.js';
import { quickSightColumnType, quickSightDashboardDefinition } from './quickSightDashboardDefinition.js';

type Call = <T>(action: string, region: string, run: () => Promise<T>) => Promise<T>;

/** What the owner may do with each kind of asset: everything the console's owner gets. */
const OWNER_ACTIONS = {
  datasource: [
    'quicksight:DescribeDataSource',
    'quicksight:DescribeDataSourcePermissions',
    'quicksight:PassDataSource',
    'quicksight:UpdateDataSource',
    'quicksight:DeleteDataSource',
    'quicksight:UpdateDataSourcePermissions',
  ],
  dataset: [
    'quicksight:DescribeDataSet',
    'quicksight:DescribeDataSetPermissions',
    'quicksight:PassDataSet',
    'quicksight:DescribeIngestion',
    'quicksight:ListIngestions',
    'quicksight:UpdateDataSet',
    'quicksight:DeleteDataSet',
    'quicksight:CreateIngestion',
    'quicksight:CancelIngestion',
    'quicksight:UpdateDataSetPermissions',
  ],
  dashboard: [
    'quicksight:DescribeDashboard',
    'quicksight:ListDashboardVersions',
    'quicksight:UpdateDashboardPermissions',
    'quicksight:QueryDashboard',
    'quicksight:UpdateDashboard',
    'quicksight:DeleteDashboard',
    'quicksight:DescribeDashboardPermissions',
    'quicksight:UpdateDashboardPublishedVersion',
  ],
};

const tagsOf = (tags: Record<string, string>): Tag[] =>
  Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));

const exists = (thrown: unknown): boolean =>
  thrown instanceof Error && thrown.name === 'ResourceExistsException';

/**
 * QuickSight's create calls: users, and an Athena data source, dataset and dashboard. A create
 * whose id exists answers ResourceExistsException; that asset is reused (its ARN is its id's), so
 * a second run finishes what a first one left half made.
 */
export class QuickSightAuthoring
  implements
    Pick<QuickSightPort, 'registerUser' | 'createAthenaDataSource' | 'createDataSet' | 'createDashboard'>
{
  constructor(
    private readonly client: (region: string) => QuickSightClient,
    private readonly call: Call,
  ) {}

  private async create(
    action: string,
    region: string,
    arn: string,
    id: string,
    send: () => Promise<{ Arn?: string }>,
  ): Promise<QuickSightAsset> {
    const reply = await this.call(action, region, async () => {
      try {
        return await send();
      } catch (thrown) {
        if (exists(thrown)) return undefined;
        throw thrown;
      }
    });
    return { id, arn: reply?.Arn ?? arn, created: reply !== undefined };
  }

  registerUser: QuickSightPort['registerUser'] = async (accountId, region, spec) => {
    const name = spec.identity.type === 'IAM' ? spec.identity.iam_arn : spec.identity.user_name;
    const reply = await this.call('quicksight:RegisterUser', region, async () => {
      try {
        return await this.client(region).send(
          new RegisterUserCommand({
            AwsAccountId: accountId,
            Namespace: 'default',
            Email: spec.email,
            UserRole: spec.role,
            IdentityType: spec.identity.type,
            ...(spec.identity.type === 'IAM'
              ? {
                  IamArn: spec.identity.iam_arn,
                  ...(spec.identity.session_name ? { SessionName: spec.identity.session_name } : {}),
                }
              : { UserName: spec.identity.user_name }),
          }),
        );
      } catch (thrown) {
        if (exists(thrown))
          throw new CloudError({
            kind: 'conflict',
            code: 'ResourceExistsException',
            message: `QuickSight: ${name} is already registered`,
            hint: '`cws-tui quicksight status` lists the users and their roles.',
          });
        throw thrown;
      }
    });
    const user = reply.User;
    if (!user?.Arn || !user.UserName)
      throw new CloudError({
        kind: 'unknown',
        code: 'NoUser',
        message: `QuickSight registered ${name} but returned no user`,
        hint: '`cws-tui quicksight status` lists the users.',
      });
    const registered: QuickSightUser = {
      name: user.UserName,
      arn: user.Arn,
      role: (user.Role ?? spec.role) as QuickSightRole,
    };
    return registered;
  };

  createAthenaDataSource: QuickSightPort['createAthenaDataSource'] = (accountId, region, spec) =>
    this.create(
      'quicksight:CreateDataSource',
      region,
      `arn:aws:quicksight:${region}:${accountId}:datasource/${spec.id}`,
      spec.id,
      () =>
        this.client(region).send(
          new CreateDataSourceCommand({
            AwsAccountId: accountId,
            DataSourceId: spec.id,
            Name: spec.name,
            Type: 'ATHENA',
            DataSourceParameters: { AthenaParameters: { WorkGroup: spec.workgroup } },
            Permissions: [{ Principal: spec.owner_arn, Actions: OWNER_ACTIONS.datasource }],
            Tags: tagsOf(spec.tags),
          }),
        ),
    );

  createDataSet: QuickSightPort['createDataSet'] = (accountId, region, spec) =>
    this.create(
      'quicksight:CreateDataSet',
      region,
      `arn:aws:quicksight:${region}:${accountId}:dataset/${spec.id}`,
      spec.id,
      () =>
        this.client(region).send(
          new CreateDataSetCommand({
            AwsAccountId: accountId,
            DataSetId: spec.id,
            Name: spec.name,
            // Direct query: no SPICE capacity to buy, and every view reads through the workgroup's limit.
            ImportMode: 'DIRECT_QUERY',
            PhysicalTableMap: {
              table: {
                RelationalTable: {
                  DataSourceArn: spec.data_source_arn,
                  Catalog: 'AwsDataCatalog',
                  Schema: spec.database,
                  Name: spec.table,
                  InputColumns: spec.columns.map((column) => ({
                    Name: column.name,
                    Type: quickSightColumnType(column.type),
                  })),
                },
              },
            },
            Permissions: [{ Principal: spec.owner_arn, Actions: OWNER_ACTIONS.dataset }],
            Tags: tagsOf(spec.tags),
          }),
        ),
    );

  createDashboard: QuickSightPort['createDashboard'] = (accountId, region, spec) =>
    this.create(
      'quicksight:CreateDashboard',
      region,
      `arn:aws:quicksight:${region}:${accountId}:dashboard/${spec.id}`,
      spec.id,
      () =>
        this.client(region).send(
          new CreateDashboardCommand({
            AwsAccountId: accountId,
            DashboardId: spec.id,
            Name: spec.name,
            Definition: quickSightDashboardDefinition(spec.data_set_arn, spec.visuals),
            Permissions: [{ Principal: spec.owner_arn, Actions: OWNER_ACTIONS.dashboard }],
            Tags: tagsOf(spec.tags),
          }),
        ),
    );
}
