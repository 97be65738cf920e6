import type { Policy } from '../policy/policySchema.js';
import type { ResourceTags } from '../ports.js';
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
): AthenaWorkgroupSettings {
  const rules = policy.analytics;
  const location = rules?.results_location;
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
    encryption: rules.results_kms_key ? 'SSE_KMS' : 'SSE_S3',
    tags: { ...tags, 'cws:managed': 'true', ...(scope.project ? { 'cws:project': scope.project } : {}) },
  };
  if (rules.results_kms_key) settings.kms_key = rules.results_kms_key;
  if (rules.max_bytes_per_query !== undefined) settings.bytes_scanned_cutoff = rules.max_bytes_per_query;
  return settings;
}

/** The bucket of an `s3://bucket/key` location. */
export function bucketOf(location: string): string | undefined {
  return /^s3:\/\/([^/]+)/.exec(location)?.[1];
}
