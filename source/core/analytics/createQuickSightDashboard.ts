import { OperationError } from '../operations/OperationError.js';
import type { QuickSightTemplate } from './analyticsTemplateSchema.js';
import type { AnalyticsPort } from './ports.js';
import { type AthenaScope, prepareAthenaQuery } from './prepareAthenaQuery.js';
import type { QuickSightAsset } from './quickSightPorts.js';

export interface QuickSightDashboardRequest {
  template: QuickSightTemplate;
  /** The profile's Athena scope: the data source queries through its workgroup, under its policy. */
  scope: AthenaScope;
  account_id: string;
  /** The QuickSight user who owns what is made (the caller's registered user). */
  owner_arn: string;
  tags: Record<string, string>;
}

export interface QuickSightDashboardResult {
  data_source: QuickSightAsset;
  data_set: QuickSightAsset;
  dashboard: QuickSightAsset;
  workgroup: string;
}

/**
 * A `quicksight` template made real: the profile's Athena workgroup (created to the policy, with
 * the policy deciding on the database), then an Athena data source on it, a dataset over the
 * template's table with the catalog's columns, and the dashboard. Each step finds what an earlier
 * run made with the same id, so running it again finishes a half-made dashboard.
 */
export async function createQuickSightDashboard(
  analytics: AnalyticsPort,
  request: QuickSightDashboardRequest,
): Promise<QuickSightDashboardResult> {
  const { template, scope } = request;
  const subscription = await analytics.quicksight.subscription(request.account_id, scope.region);
  if (subscription.status !== 'active')
    throw new OperationError(
      'refused',
      `account ${request.account_id} has no active QuickSight subscription`,
      '`cws-tui quicksight status` says what enabling it costs.',
    );
  const table = (await analytics.catalog.listTables(scope.region, template.database)).find(
    (candidate) => candidate.name === template.table,
  );
  if (!table)
    throw new OperationError(
      'invalid',
      `the Glue Data Catalog has no table ${template.database}.${template.table} in ${scope.region}`,
      '`cws-tui data sources` lists the tables; `cws-tui data crawl s3://…` makes one from a dataset.',
    );
  const missing = template.dashboard.visuals
    .flatMap((visual) => [visual.category, visual.value])
    .filter((column) => !table.columns.some((c) => c.name === column));
  if (missing.length > 0)
    throw new OperationError(
      'invalid',
      `the template's visuals name columns ${template.database}.${template.table} does not have: ${[...new Set(missing)].join(', ')}`,
      `Its columns are ${table.columns.map((c) => c.name).join(', ')}.`,
    );
  const { workgroup } = await prepareAthenaQuery(analytics.athena, { ...scope, database: template.database });
  const base = template.dashboard.id;
  const common = { owner_arn: request.owner_arn, tags: request.tags };
  const data_source = await analytics.quicksight.createAthenaDataSource(request.account_id, scope.region, {
    ...common,
    id: `${base}-athena`,
    name: `${template.dashboard.name} (Athena ${workgroup.name})`,
    workgroup: workgroup.name,
  });
  const data_set = await analytics.quicksight.createDataSet(request.account_id, scope.region, {
    ...common,
    id: `${base}-data`,
    name: `${template.database}.${template.table}`,
    data_source_arn: data_source.arn,
    database: template.database,
    table: template.table,
    columns: table.columns,
  });
  const dashboard = await analytics.quicksight.createDashboard(request.account_id, scope.region, {
    ...common,
    id: base,
    name: template.dashboard.name,
    data_set_arn: data_set.arn,
    visuals: template.dashboard.visuals,
  });
  return { data_source, data_set, dashboard, workgroup: workgroup.name };
}
