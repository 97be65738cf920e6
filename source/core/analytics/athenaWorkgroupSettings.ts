import type { Policy } from '../policy/policySchema.js';
import type { CloudAccount, ResourceTags } from '../ports.js';
import type { AthenaWorkgroupSettings } from './ports.js';

/** Why a workgroup cannot be set up, as a sentence and its fix. */
export class WorkgroupSettingsError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'WorkgroupSettingsError';
  }
}

/** Athena workgroup names: letters, digits, `.`, `_`, `-`, up to 128. */
export function workgroupName(scope: { project?: string; profile: string }): string {
  const base = scope.project ? `cws-${scope.project}` : `cws-${scope.profile}`;
  return base.replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 128);
}

/**
 * The workgroup a project (or the lab, without one) queries in, from the policy: results under the
 * lab's prefix, encrypted, the per-query bytes-scanned cutoff enforced so a client cannot lift it.
 */
export function athenaWorkgroupSettings(
  policy: Policy,
  scope: { project?: string; profile: string },
  tags: ResourceTags,
  /** Where results go when the policy has no analytics section at all (the account's own bucket). */
  defaultLocation?: string,
): AthenaWorkgroupSettings {
  const rules = policy.analytics;
  // A policy that governs analytics must say where results go; without one, the account's default.
  const location = rules ? rules.results_location : defaultLocation;
  if (!location) {
    throw new WorkgroupSettingsError(
      'the policy names no place for Athena results (analytics.results_location)',
      'Ask your administrator to add analytics.results_location: s3://<lab bucket>/<prefix>/ to the policy.',
    );
  }
  const name = workgroupName(scope);
  const prefix = location.endsWith('/') ? location : `${location}/`;
  const settings: AthenaWorkgroupSettings = {
    name,
    output_location: `${prefix}athena/${name}/`,
    encryption: rules?.results_kms_key ? 'SSE_KMS' : 'SSE_S3',
    tags: { ...tags, 'cws:managed': 'true', ...(scope.project ? { 'cws:project': scope.project } : {}) },
  };
  if (rules?.results_kms_key) settings.kms_key = rules.results_kms_key;
  if (rules?.max_bytes_per_query !== undefined) settings.bytes_scanned_cutoff = rules.max_bytes_per_query;
  return settings;
}

/** The bucket of an `s3://bucket/key` location. */
export function bucketOf(location: string): string | undefined {
  return /^s3:\/\/([^/]+)/.exec(location)?.[1];
}

/**
 * The results bucket Athena's console uses by default, `aws-athena-query-results-<account>-<region>`;
 * the demo account's lab bucket on the demo.
 */
export async function defaultResultsLocation(account: CloudAccount, region: string): Promise<string> {
  if (account.kind === 'demo') return 's3://cws-demo-lab/results/';
  const identity = await account.identity.callerIdentity();
  return `s3://aws-athena-query-results-${identity.account}-${region}/`;
}
