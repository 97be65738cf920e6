import type { IAMClient } from '@aws-sdk/client-iam';
import { JOB_ROLE_NAME, jobRoleInlinePolicies } from '../../core/bigdata/jobRolePolicy.js';
import type { BigDataRolePort, S3Location } from '../../core/bigdata/ports.js';
import { STUDIO_ROLE_NAME, studioRoleInlinePolicies } from '../../core/bigdata/studioRolePolicy.js';
import { ensureServiceRole } from '../ensureServiceRole.js';

/**
 * The one job execution role of the account, trusted by EMR Serverless only, with no managed
 * policy: an inline policy for the staging prefix and one per data bucket (see jobRolePolicy).
 */
export class IamEmrJobRole implements BigDataRolePort {
  constructor(private readonly options: { iam: () => IAMClient; profile?: string }) {}

  ensureJobExecutionRole(staging: S3Location, dataBuckets: readonly string[]): Promise<string> {
    return ensureServiceRole(
      this.options.iam(),
      {
        name: JOB_ROLE_NAME,
        path: '/cws-tui/',
        description: 'Spark jobs of cws-tui on EMR Serverless: the staging prefix and the named data buckets',
        trustedService: 'emr-serverless.amazonaws.com',
        managedPolicyArns: [],
        inlinePolicies: jobRoleInlinePolicies(staging, dataBuckets),
      },
      this.options.profile,
    );
  }

  ensureStudioServiceRole(workspaces: S3Location): Promise<string> {
    return ensureServiceRole(
      this.options.iam(),
      {
        name: STUDIO_ROLE_NAME,
        path: '/cws-tui/',
        description: 'EMR Studio of cws-tui: workspace network interfaces and the workspace prefix',
        trustedService: 'elasticmapreduce.amazonaws.com',
        managedPolicyArns: [],
        inlinePolicies: studioRoleInlinePolicies(workspaces),
      },
      this.options.profile,
    );
  }
}
