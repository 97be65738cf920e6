import type { AnalyticsService } from './analyticsPolicySchema.js';

/** What an analytics action asks for, as the policy sees it: a query, a job, a seat. */
export interface AnalyticsPolicyRequest {
  kind: 'analytics';
  service: AnalyticsService;
  region: string;
  /** The Glue databases the action reads. */
  databases?: string[];
  /** The S3 buckets the action reads or writes. */
  buckets?: string[];
  /** The QuickSight author seats the account would have after the action. */
  author_seats?: number;
  /** Bytes Athena has scanned this month in the profile's workgroup, for max_bytes_per_month. */
  month_bytes_scanned?: number;
}

export function isAnalyticsPolicyRequest(request: object): request is AnalyticsPolicyRequest {
  return (request as { kind?: unknown }).kind === 'analytics';
}
