/**
 * EBS snapshot storage (standard tier), USD per GB-month, from the EC2 pricing page (2026). The
 * price catalog covers volumes only; snapshots are billed on the blocks they hold, so a size-based
 * figure is an upper bound for incremental snapshots.
 */
const SNAPSHOT_USD_PER_GB_MONTH: Record<string, number> = {
  'sa-east-1': 0.068,
  'ap-southeast-2': 0.055,
  'ap-northeast-1': 0.05,
  'eu-central-1': 0.054,
  'eu-west-2': 0.053,
};
const DEFAULT_USD_PER_GB_MONTH = 0.05;

export function snapshotUsdPerGbMonth(region: string): number {
  return SNAPSHOT_USD_PER_GB_MONTH[region] ?? DEFAULT_USD_PER_GB_MONTH;
}
