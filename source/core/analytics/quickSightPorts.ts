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

/** QuickSight in one region (the account's identity region holds its users). */
export interface QuickSightPort {
  subscription(accountId: string, region: string): Promise<QuickSightSubscription>;
  listUsers(accountId: string, region: string): Promise<QuickSightUser[]>;
  listDashboards(accountId: string, region: string): Promise<QuickSightDashboard[]>;
  /** A short-lived embed URL of the dashboard for the registered user (valid 5 minutes to use). */
  embedUrl(accountId: string, region: string, dashboardId: string, userArn: string): Promise<string>;
}
