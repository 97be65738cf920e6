import type { MeteredCostResource } from '../cost/CostResource.js';
import type { CloudAccount } from '../ports.js';
import { quickSightUserMonthly } from './quickSightPricing.js';

/** Hours in a billing month, to turn a monthly per-user price into the report's hourly rate. */
const HOURS_PER_MONTH = 730;

/** The QuickSight subscription's users as one metered line: their monthly prices since the month began. */
export async function quickSightCostResources(
  account: CloudAccount,
  region: string,
  now: Date = new Date(),
): Promise<MeteredCostResource[]> {
  const { account: accountId } = await account.identity.callerIdentity();
  const subscription = await account.analytics.quicksight.subscription(accountId, region);
  if (subscription.status !== 'active') return [];
  const users = await account.analytics.quicksight.listUsers(accountId, region);
  if (users.length === 0) return [];
  const monthly = users.reduce(
    (sum, user) => sum + quickSightUserMonthly(subscription.edition, user.role),
    0,
  );
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString();
  return [
    {
      kind: 'metered',
      service: 'QuickSight',
      id: `quicksight:${region}:${accountId}`,
      name: `${subscription.edition.toLowerCase()} (${users.length} users)`,
      region,
      usd_per_hour: monthly / HOURS_PER_MONTH,
      price_source: 'snapshot',
      transitions: [{ at: monthStart, state: 'running' }],
      notes: [
        `QuickSight ${subscription.edition}: ${users.map((u) => `${u.name} ${u.role.toLowerCase()} $${quickSightUserMonthly(subscription.edition, u.role)}/month`).join(', ')}`,
      ],
    },
  ];
}
