/**
 * The lab's staging bucket of a region: one per account and region, named after both so that it is
 * found again without any configuration (bucket names are global).
 */
export function stagingBucketName(accountId: string, region: string): string {
  return `cws-tui-staging-${accountId}-${region}`;
}
