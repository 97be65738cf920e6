/** QuickSight's editions, as DescribeAccountSubscription names them. */
export type QuickSightEdition = 'STANDARD' | 'ENTERPRISE' | 'ENTERPRISE_AND_Q';

/** The account's QuickSight subscription, or `none` when it has never signed up. */
export type QuickSightSubscription =
  | { status: 'none' }
  | { status: 'active' | 'pending' | 'unsubscribed'; edition: QuickSightEdition; account_name?: string };

export type QuickSightRole = 'ADMIN' | 'AUTHOR' | 'READER' | 'ADMIN_PRO' | 'AUTHOR_PRO' | 'READER_PRO';

export interface QuickSightUser {
  name: string;
  role: QuickSightRole;
  arn: string;
}

export interface QuickSightDashboard {
  id: string;
  name: string;
  updated_at?: string;
}

/** Who a registered user signs in as: a QuickSight identity (email), or an IAM user or role. */
export interface QuickSightUserSpec {
  email: string;
  role: 'READER' | 'AUTHOR';
  identity:
    | { type: 'QUICKSIGHT'; user_name: string }
    | { type: 'IAM'; iam_arn: string; session_name?: string };
}

/** What a create call made, or found already there with the same id (created false). */
export interface QuickSightAsset {
  id: string;
  arn: string;
  created: boolean;
}

/** A chart of the dashboard: a column summed by another, over the dataset's one table. */
export interface QuickSightVisualSpec {
  kind: 'bar' | 'line' | 'table';
  title: string;
  category: string;
  value: string;
}

/** QuickSight in one region (the account's identity region holds its users). */
export interface QuickSightPort {
  subscription(accountId: string, region: string): Promise<QuickSightSubscription>;
  listUsers(accountId: string, region: string): Promise<QuickSightUser[]>;
  listDashboards(accountId: string, region: string): Promise<QuickSightDashboard[]>;
  /** A short-lived embed URL of the dashboard for the registered user (valid 5 minutes to use). */
  embedUrl(accountId: string, region: string, dashboardId: string, userArn: string): Promise<string>;
  /** Registers a user in the default namespace (RegisterUser); an existing one is a conflict. */
  registerUser(accountId: string, region: string, spec: QuickSightUserSpec): Promise<QuickSightUser>;
  /** An Athena data source on the workgroup; the same id again is found, not made twice. */
  createAthenaDataSource(
    accountId: string,
    region: string,
    spec: { id: string; name: string; workgroup: string; owner_arn: string; tags: Record<string, string> },
  ): Promise<QuickSightAsset>;
  /** A direct-query dataset over one Athena table of the data source. */
  createDataSet(
    accountId: string,
    region: string,
    spec: {
      id: string;
      name: string;
      data_source_arn: string;
      database: string;
      table: string;
      columns: { name: string; type: string }[];
      owner_arn: string;
      tags: Record<string, string>;
    },
  ): Promise<QuickSightAsset>;
  /** A published dashboard of the visuals over the dataset. */
  createDashboard(
    accountId: string,
    region: string,
    spec: {
      id: string;
      name: string;
      data_set_arn: string;
      visuals: QuickSightVisualSpec[];
      owner_arn: string;
      tags: Record<string, string>;
    },
  ): Promise<QuickSightAsset>;
}
