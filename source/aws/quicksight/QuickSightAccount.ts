import {
  DescribeAccountSubscriptionCommand,
  GenerateEmbedUrlForRegisteredUserCommand,
  paginateListDashboards,
  paginateListUsers,
  type QuickSightClient,
} from '@aws-sdk/client-quicksight';
import type {
  QuickSightDashboard,
  QuickSightEdition,
  QuickSightPort,
  QuickSightRole,
  QuickSightSubscription,
  QuickSightUser,
} from '../../core/analytics/quickSightPorts.js';
import { CloudError } from '../../core/CloudError.js';
import { translateAwsError } from '../translateAwsError.js';
import { QuickSightAuthoring } from './QuickSightAuthoring.js';

/** What to do about an edition that lacks the call, by call. */
const EDITION_HINTS: Record<string, string> = {
  'quicksight:GenerateEmbedUrlForRegisteredUser':
    'Embedding needs the Enterprise edition; open the dashboard in the console instead.',
  'quicksight:RegisterUser':
    'Standard edition has no reader role: register them as an author, or move the account to Enterprise.',
};

/** QuickSight through the SDK. An account that never subscribed answers ResourceNotFoundException. */
export class QuickSightAccount implements QuickSightPort {
  private readonly authoring: QuickSightAuthoring;

  constructor(
    private readonly options: { quicksight: (region: string) => QuickSightClient; profile?: string },
  ) {
    this.authoring = new QuickSightAuthoring(options.quicksight, (action, region, run) =>
      this.call(action, region, run),
    );
  }

  readonly registerUser: QuickSightPort['registerUser'] = (...args) => this.authoring.registerUser(...args);
  readonly createAthenaDataSource: QuickSightPort['createAthenaDataSource'] = (...args) =>
    this.authoring.createAthenaDataSource(...args);
  readonly createDataSet: QuickSightPort['createDataSet'] = (...args) =>
    this.authoring.createDataSet(...args);
  readonly createDashboard: QuickSightPort['createDashboard'] = (...args) =>
    this.authoring.createDashboard(...args);

  private async call<T>(action: string, region: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (thrown) {
      const name = thrown instanceof Error ? thrown.name : '';
      if (thrown instanceof CloudError) throw thrown;
      if (name === 'UnsupportedUserEditionException' || name === 'UnsupportedPricingPlanException')
        throw new CloudError({
          kind: 'invalid-parameter',
          code: name,
          message: `QuickSight: ${(thrown as Error).message}`,
          hint: EDITION_HINTS[action] ?? "The account's QuickSight edition does not offer this.",
        });
      throw translateAwsError(thrown, {
        action,
        region,
        ...(this.options.profile ? { profile: this.options.profile } : {}),
      });
    }
  }

  async subscription(accountId: string, region: string): Promise<QuickSightSubscription> {
    try {
      const reply = await this.options
        .quicksight(region)
        .send(new DescribeAccountSubscriptionCommand({ AwsAccountId: accountId }));
      const info = reply.AccountInfo;
      const raw = info?.AccountSubscriptionStatus ?? '';
      const status =
        raw === 'ACCOUNT_CREATED' || raw === 'OK'
          ? 'active'
          : raw === 'UNSUBSCRIBED'
            ? 'unsubscribed'
            : 'pending';
      return {
        status,
        edition: (info?.Edition ?? 'ENTERPRISE') as QuickSightEdition,
        ...(info?.AccountName ? { account_name: info.AccountName } : {}),
      };
    } catch (thrown) {
      if (thrown instanceof Error && thrown.name === 'ResourceNotFoundException') return { status: 'none' };
      return this.call('quicksight:DescribeAccountSubscription', region, () => Promise.reject(thrown));
    }
  }

  async listUsers(accountId: string, region: string): Promise<QuickSightUser[]> {
    return this.call('quicksight:ListUsers', region, async () => {
      const users: QuickSightUser[] = [];
      for await (const page of paginateListUsers(
        { client: this.options.quicksight(region) },
        { AwsAccountId: accountId, Namespace: 'default' },
      ))
        for (const user of page.UserList ?? [])
          if (user.UserName && user.Arn && user.Active !== false)
            users.push({
              name: user.UserName,
              arn: user.Arn,
              role: (user.Role ?? 'READER') as QuickSightRole,
            });
      return users;
    });
  }

  async listDashboards(accountId: string, region: string): Promise<QuickSightDashboard[]> {
    return this.call('quicksight:ListDashboards', region, async () => {
      const dashboards: QuickSightDashboard[] = [];
      for await (const page of paginateListDashboards(
        { client: this.options.quicksight(region) },
        { AwsAccountId: accountId },
      ))
        for (const d of page.DashboardSummaryList ?? [])
          if (d.DashboardId)
            dashboards.push({
              id: d.DashboardId,
              name: d.Name ?? d.DashboardId,
              ...(d.LastUpdatedTime ? { updated_at: d.LastUpdatedTime.toISOString() } : {}),
            });
      return dashboards;
    });
  }

  async embedUrl(accountId: string, region: string, dashboardId: string, userArn: string): Promise<string> {
    const reply = await this.call('quicksight:GenerateEmbedUrlForRegisteredUser', region, () =>
      this.options.quicksight(region).send(
        new GenerateEmbedUrlForRegisteredUserCommand({
          AwsAccountId: accountId,
          UserArn: userArn,
          SessionLifetimeInMinutes: 60,
          ExperienceConfiguration: { Dashboard: { InitialDashboardId: dashboardId } },
        }),
      ),
    );
    if (!reply.EmbedUrl)
      throw new CloudError({
        kind: 'unknown',
        code: 'NoEmbedUrl',
        message: 'QuickSight returned no embed URL',
        hint: 'Open the dashboard in the console instead.',
      });
    return reply.EmbedUrl;
  }
}
