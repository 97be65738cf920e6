import { evaluatePolicy } from '../policy/evaluatePolicy.js';
import type { Policy } from '../policy/policySchema.js';
import type { CatalogTable, DataCatalogPort } from './ports.js';

/** What a profile may read: the buckets its policy names and the catalog tables it may query. */
export interface DataSources {
  /** The policy's bucket patterns; undefined when it names none (any bucket). */
  bucket_patterns?: { allow?: string[]; deny?: string[] };
  results_location?: string;
  tables: CatalogTable[];
  /** Databases the policy keeps from the profile, with why. */
  hidden: Array<{ database: string; reason: string }>;
}

/**
 * The Data Catalog's tables in the databases the policy allows (each database through the one
 * policy evaluation), and the buckets the policy names.
 */
export async function listDataSources(
  catalog: DataCatalogPort,
  policy: Policy,
  region: string,
): Promise<DataSources> {
  const tables: CatalogTable[] = [];
  const hidden: DataSources['hidden'] = [];
  for (const database of await catalog.listDatabases(region)) {
    const verdict = evaluatePolicy(
      policy,
      { kind: 'analytics', service: 'athena', region, databases: [database.name] },
      {},
    );
    const denied = verdict.violations.find((violation) => violation.rule.startsWith('analytics.databases'));
    if (denied) {
      hidden.push({ database: database.name, reason: denied.message });
      continue;
    }
    tables.push(...(await catalog.listTables(region, database.name)));
  }
  const sources: DataSources = { tables, hidden };
  if (policy.analytics?.buckets) sources.bucket_patterns = policy.analytics.buckets;
  if (policy.analytics?.results_location) sources.results_location = policy.analytics.results_location;
  return sources;
}
