import type { IAMClient } from '@aws-sdk/client-iam';
import {
  CLUSTER_NODE_ROLE_NAME,
  CLUSTER_SERVICE_ROLE_NAME,
  EMR_SERVICE_POLICY_ARN,
  JOB_ROLE_NAME,
  jobRoleInlinePolicies,
} from '../../core/bigdata/jobRolePolicy.js';
import type { BigDataRolePort, S3Location } from '../../core/bigdata/ports.js';
import { STUDIO_ROLE_NAME, studioRoleInlinePolicies } from '../../core/bigdata/studioRolePolicy.js';
import { ensureInstanceProfile } from '../ensureInstanceProfile.js';
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

  /**
   * EMR's service role (AWS's managed EMR service policy, which acts only on what EMR tags) and the
   * nodes' role with the same inline policies as the job role, in an instance profile of its name.
   */
  async ensureClusterRoles(
    staging: S3Location,
    dataBuckets: readonly string[],
  ): Promise<{ service_role: string; instance_profile: string }> {
    const iam = this.options.iam();
    const serviceRole = await ensureServiceRole(
      iam,
      {
        name: CLUSTER_SERVICE_ROLE_NAME,
        path: '/cws-tui/',
        description: 'EMR on EC2 clusters of cws-tui: the EMR service',
        trustedService: 'elasticmapreduce.amazonaws.com',
        managedPolicyArns: [EMR_SERVICE_POLICY_ARN],
      },
      this.options.profile,
    );
    await ensureServiceRole(
      iam,
      {
        name: CLUSTER_NODE_ROLE_NAME,
        path: '/cws-tui/',
        description: 'Nodes of cws-tui EMR clusters: the staging prefix and the named data buckets',
        trustedService: 'ec2.amazonaws.com',
        managedPolicyArns: [],
        inlinePolicies: jobRoleInlinePolicies(staging, dataBuckets),
      },
      this.options.profile,
    );
    await ensureInstanceProfile(
      iam,
      {
        name: CLUSTER_NODE_ROLE_NAME,
        path: '/cws-tui/',
        conflictHint: (other) =>
          `Remove ${other} from the instance profile ${CLUSTER_NODE_ROLE_NAME} in the IAM console.`,
        finishHint: 'The next cluster create finishes it.',
      },
      (action) => ({ action, ...(this.options.profile ? { profile: this.options.profile } : {}) }),
    );
    return { service_role: serviceRole, instance_profile: CLUSTER_NODE_ROLE_NAME };
  }
}
