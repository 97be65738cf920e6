/**
 * What a team table costs a month on demand, from DynamoDB's list prices in us-east-1 (standard
 * table class): requests, storage and point-in-time recovery. A lab's table is tiny, so the first
 * 25 GB of storage (free tier) is not assumed: the figure is what a paying account pays.
 */
export const DYNAMODB_ON_DEMAND_PRICES = {
  usd_per_million_writes: 0.625,
  usd_per_million_reads: 0.125,
  usd_per_gb_month: 0.25,
  usd_per_gb_month_pitr: 0.2,
};

export interface TeamStoreUsage {
  members: number;
  launches_per_month: number;
}

export interface TeamStoreCost {
  writes: number;
  reads: number;
  storage_gb: number;
  usd_per_month: number;
}

/** Writes per launch: name reservation, user and lab leases, their releases, the audit event. */
const WRITES_PER_LAUNCH = 6;
/** Reads per launch and per refresh of the views that read the store (status, :team, checks). */
const READS_PER_LAUNCH = 10;
const READS_PER_MEMBER_PER_MONTH = 2_000;
/** A user, an invitation or an audit event is well under 4 KB; audit grows with launches. */
const ITEM_KB = 4;

export function teamStoreCost(usage: TeamStoreUsage): TeamStoreCost {
  const prices = DYNAMODB_ON_DEMAND_PRICES;
  const writes = usage.launches_per_month * WRITES_PER_LAUNCH + usage.members * 10;
  const reads = usage.launches_per_month * READS_PER_LAUNCH + usage.members * READS_PER_MEMBER_PER_MONTH;
  // A year of audit events plus the users: the storage a lab's table reaches, kept generous.
  const items = usage.members * 5 + usage.launches_per_month * 12 * 2;
  const storage_gb = (items * ITEM_KB) / (1024 * 1024);
  const usd_per_month =
    (writes / 1e6) * prices.usd_per_million_writes +
    (reads / 1e6) * prices.usd_per_million_reads +
    storage_gb * (prices.usd_per_gb_month + prices.usd_per_gb_month_pitr);
  return { writes, reads, storage_gb, usd_per_month };
}
