import type { QuickSightEdition, QuickSightRole } from './quickSightPorts.js';

/** QuickSight's monthly list prices per user (month to month, us-east-1). */
const ENTERPRISE: Record<QuickSightRole, number> = {
  ADMIN: 24,
  AUTHOR: 24,
  READER: 3,
  ADMIN_PRO: 40,
  AUTHOR_PRO: 40,
  READER_PRO: 20,
};
const STANDARD_PER_USER = 12;

export function quickSightUserMonthly(edition: QuickSightEdition, role: QuickSightRole): number {
  return edition === 'STANDARD' ? STANDARD_PER_USER : ENTERPRISE[role];
}

/** What signing up costs, said before anyone does it. */
export const QUICKSIGHT_ENABLE_COST =
  'Enterprise edition: $24 per author and $3 per reader per month (one author at least: $24/month); Standard: $12 per user per month';

/** The console address of a dashboard, for when an embed URL cannot be made. */
export function quickSightConsoleUrl(region: string, dashboardId: string): string {
  return `https://${region}.quicksight.aws.amazon.com/sn/dashboards/${encodeURIComponent(dashboardId)}`;
}

/**
 * The QuickSight user an IAM identity signs in as: an IAM user by name, an assumed role as
 * `role/session` (QuickSight's naming for federated users), in the default namespace.
 */
export function quickSightUserArn(callerArn: string, accountId: string, region: string): string {
  const user = /:user\/(?:.*\/)?([^/]+)$/.exec(callerArn)?.[1];
  const role = /:assumed-role\/([^/]+)\/([^/]+)$/.exec(callerArn);
  const name = user ?? (role ? `${role[1]}/${role[2]}` : (callerArn.split(':').pop() ?? ''));
  return `arn:aws:quicksight:${region}:${accountId}:user/default/${name}`;
}
