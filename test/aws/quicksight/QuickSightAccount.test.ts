import {
  AccessDeniedException,
  DescribeAccountSubscriptionCommand,
  GenerateEmbedUrlForRegisteredUserCommand,
  ListDashboardsCommand,
  ListUsersCommand,
  QuickSightClient,
  ResourceNotFoundException,
  UnsupportedUserEditionException,
} from '@aws-sdk/client-quicksight';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { QuickSightAccount } from '../../../source/aws/quicksight/QuickSightAccount.js';
import { quickSightUserArn } from '../../../source/core/analytics/quickSightPricing.js';
import type { CloudError } from '../../../source/core/CloudError.js';

const quicksight = mockClient(QuickSightClient);
const client = new QuickSightClient({
  region: 'us-east-1',
  credentials: { accessKeyId: 'AKIA', secretAccessKey: 's' },
});
const account = new QuickSightAccount({ quicksight: () => client, profile: 'lab' });
const ID = '123456789012';

describe('QuickSightAccount', () => {
  beforeEach(() => quicksight.reset());

  it('reads the edition and status of a subscription', async () => {
    quicksight.on(DescribeAccountSubscriptionCommand).resolves({
      Status: 200,
      AccountInfo: {
        AccountName: 'lab-analytics',
        Edition: 'ENTERPRISE',
        AccountSubscriptionStatus: 'ACCOUNT_CREATED',
        AuthenticationType: 'IAM_AND_QUICKSIGHT',
      },
      RequestId: 'c0ffee00-1111-2222-3333-444455556666',
    });
    expect(await account.subscription(ID, 'us-east-1')).toEqual({
      status: 'active',
      edition: 'ENTERPRISE',
      account_name: 'lab-analytics',
    });
  });

  it('says none when the account never signed up, and denies as unauthorized', async () => {
    quicksight.on(DescribeAccountSubscriptionCommand).rejectsOnce(
      new ResourceNotFoundException({
        message: `Account information for ${ID} does not exist.`,
        $metadata: { httpStatusCode: 404 },
      }),
    );
    expect(await account.subscription(ID, 'us-east-1')).toEqual({ status: 'none' });
    quicksight.on(DescribeAccountSubscriptionCommand).rejects(
      new AccessDeniedException({
        message: 'User is not authorized to perform: quicksight:DescribeAccountSubscription',
        $metadata: { httpStatusCode: 401 },
      }),
    );
    const error = (await account.subscription(ID, 'us-east-1').catch((e: unknown) => e)) as CloudError;
    expect(error.kind).toBe('unauthorized');
  });

  it('lists active users with their roles and the dashboards', async () => {
    quicksight.on(ListUsersCommand).resolves({
      UserList: [
        {
          UserName: 'ana',
          Role: 'AUTHOR',
          Arn: `arn:aws:quicksight:us-east-1:${ID}:user/default/ana`,
          Active: true,
        },
        {
          UserName: 'old',
          Role: 'READER',
          Arn: `arn:aws:quicksight:us-east-1:${ID}:user/default/old`,
          Active: false,
        },
      ],
    });
    quicksight.on(ListDashboardsCommand).resolves({
      DashboardSummaryList: [
        {
          DashboardId: 'cws-lab-spend',
          Name: 'Lab spend',
          LastUpdatedTime: new Date('2026-12-01T08:00:00Z'),
        },
      ],
    });
    expect((await account.listUsers(ID, 'us-east-1')).map((u) => [u.name, u.role])).toEqual([
      ['ana', 'AUTHOR'],
    ]);
    expect(await account.listDashboards(ID, 'us-east-1')).toEqual([
      { id: 'cws-lab-spend', name: 'Lab spend', updated_at: '2026-12-01T08:00:00.000Z' },
    ]);
  });

  it('asks for an embed URL of the dashboard for the registered user', async () => {
    const userArn = quickSightUserArn(`arn:aws:sts::${ID}:assumed-role/Researcher/ana`, ID, 'us-east-1');
    expect(userArn).toBe(`arn:aws:quicksight:us-east-1:${ID}:user/default/Researcher/ana`);
    quicksight.on(GenerateEmbedUrlForRegisteredUserCommand).resolves({
      EmbedUrl: 'https://us-east-1.quicksight.aws.amazon.com/embed/abc/dashboards/cws-lab-spend?code=x',
      Status: 200,
      RequestId: 'r',
    });
    expect(await account.embedUrl(ID, 'us-east-1', 'cws-lab-spend', userArn)).toMatch(/embed\/abc/);
    expect(quicksight.commandCalls(GenerateEmbedUrlForRegisteredUserCommand)[0]?.args[0].input).toMatchObject(
      {
        UserArn: userArn,
        ExperienceConfiguration: { Dashboard: { InitialDashboardId: 'cws-lab-spend' } },
      },
    );
    quicksight.on(GenerateEmbedUrlForRegisteredUserCommand).rejects(
      new UnsupportedUserEditionException({
        message: 'This operation is not supported in Standard edition.',
        $metadata: { httpStatusCode: 403 },
      }),
    );
    await expect(account.embedUrl(ID, 'us-east-1', 'cws-lab-spend', userArn)).rejects.toThrow(
      /Standard edition/,
    );
  });
});
