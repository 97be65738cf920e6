import { OperationError } from '../operations/OperationError.js';
import { evaluatePolicy } from '../policy/evaluatePolicy.js';
import type { Policy } from '../policy/policySchema.js';
import {
  athenaWorkgroupSettings,
  bucketOf,
  WorkgroupSettingsError,
  workgroupName,
} from './athenaWorkgroupSettings.js';
import type { AthenaPort, AthenaWorkgroup } from './ports.js';

export interface AthenaScope {
  policy: Policy;
  profile: string;
  region: string;
  project?: string;
  /** A workgroup the user names instead of the profile's own. */
  workgroup?: string;
  database?: string;
  /** When this month starts (ISO), for the policy's bytes-per-month cap. */
  month_start: string;
  /** Results location when the policy has no analytics section (defaultResultsLocation). */
  default_results_location?: string;
}

/** Where a query may run, once the policy has allowed it. */
export interface PreparedAthenaQuery {
  workgroup: AthenaWorkgroup;
  month_bytes_scanned: number;
}

function denied(message: string, hint: string): OperationError {
  return new OperationError('denied', message, hint);
}

/**
 * Makes sure the profile may query and that the workgroup enforces the policy's per-query limit:
 * the profile's own workgroup is created or brought to the policy's settings; a named one must
 * already enforce a limit no higher than the policy's. Then the one policy evaluation decides
 * (service, region, database, results bucket, bytes this month). Fails closed.
 */
export async function prepareAthenaQuery(
  athena: AthenaPort,
  scope: AthenaScope,
): Promise<PreparedAthenaQuery> {
  const cap = scope.policy.analytics?.max_bytes_per_query;
  let workgroup: AthenaWorkgroup;
  if (scope.workgroup && scope.workgroup !== workgroupName(scope)) {
    const found = await athena.getWorkgroup(scope.region, scope.workgroup);
    if (!found)
      throw new OperationError(
        'invalid',
        `no Athena workgroup ${scope.workgroup} in ${scope.region}`,
        "`cws-tui athena workgroup` creates the profile's own.",
      );
    if (
      cap !== undefined &&
      (!found.enforced || found.bytes_scanned_cutoff === undefined || found.bytes_scanned_cutoff > cap)
    ) {
      throw denied(
        `the workgroup ${scope.workgroup} does not enforce the policy's limit of ${cap} bytes scanned per query`,
        "Query in the profile's own workgroup (leave out --workgroup), which enforces it.",
      );
    }
    workgroup = found;
  } else {
    try {
      const settings = athenaWorkgroupSettings(
        scope.policy,
        scope,
        { 'cws:profile': scope.profile },
        scope.default_results_location,
      );
      workgroup = await athena.ensureWorkgroup(scope.region, settings);
    } catch (error) {
      if (error instanceof WorkgroupSettingsError) throw denied(error.message, error.hint);
      throw error;
    }
  }
  const needsMonth = scope.policy.analytics?.max_bytes_per_month !== undefined;
  const month = needsMonth
    ? (await athena.listQueries(scope.region, workgroup.name, 1000))
        .filter((query) => (query.submitted_at ?? '') >= scope.month_start)
        .reduce((sum, query) => sum + query.bytes_scanned, 0)
    : 0;
  const bucket = workgroup.output_location ? bucketOf(workgroup.output_location) : undefined;
  const verdict = evaluatePolicy(
    scope.policy,
    {
      kind: 'analytics',
      service: 'athena',
      region: scope.region,
      ...(scope.database ? { databases: [scope.database] } : {}),
      ...(bucket ? { buckets: [bucket] } : {}),
      ...(needsMonth ? { month_bytes_scanned: month } : {}),
    },
    {},
  );
  if (!verdict.allowed) {
    throw denied(
      `the policy does not allow this query: ${verdict.violations.map((v) => v.message).join('; ')}`,
      'Ask your administrator, or query within what the policy allows (`cws-tui policy show`).',
    );
  }
  return { workgroup, month_bytes_scanned: month };
}
