import {
  type IAMClient,
  SimulatePrincipalPolicyCommand,
  type SimulatePrincipalPolicyCommandOutput,
} from '@aws-sdk/client-iam';
import { GetBucketPolicyCommand, type S3Client } from '@aws-sdk/client-s3';
import type { AnalyticsRolePort, S3AccessCheck } from '../../core/analytics/analyticsRolePorts.js';
import {
  DATA_PREP_ROLE_PATH,
  DATABREW_JOB_ROLE_NAME,
  dataBrewJobRolePolicies,
  GLUE_CRAWLER_ROLE_NAME,
  glueCrawlerRolePolicies,
} from '../../core/analytics/dataPrepRolePolicies.js';
import type { S3Location } from '../../core/bigdata/ports.js';
import { callAws } from '../callAws.js';
import { ensureServiceRole } from '../ensureServiceRole.js';

const errorName = (thrown: unknown) => (thrown instanceof Error ? thrown.name : '');
const DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'AccessDeniedError']);

function splitUri(uri: string): S3Location {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(uri);
  return { bucket: match?.[1] ?? '', key: match?.[2] ?? '' };
}

/** The ARN IAM simulates an action on: the bucket for ListBucket, the object otherwise. */
function resourceArn(partition: string, check: Pick<S3AccessCheck, 'action' | 'uri'>): string {
  const { bucket, key } = splitUri(check.uri);
  return check.action === 's3:ListBucket'
    ? `arn:${partition}:s3:::${bucket}`
    : `arn:${partition}:s3:::${bucket}/${key}`;
}

/**
 * The crawler's and DataBrew job's roles (made or completed by ensureServiceRole), and IAM's
 * policy simulator asked what the role may do on the objects, with each bucket's policy.
 */
export class IamDataPrepRoles implements AnalyticsRolePort {
  constructor(
    private readonly options: {
      iam: () => IAMClient;
      s3: (region: string) => S3Client;
      region: string;
      profile?: string;
    },
  ) {}

  ensureGlueCrawlerRole(target: S3Location): Promise<string> {
    return ensureServiceRole(
      this.options.iam(),
      {
        name: GLUE_CRAWLER_ROLE_NAME,
        path: DATA_PREP_ROLE_PATH,
        description: 'Glue crawlers of cws-tui: read the crawled prefixes, write catalog tables',
        trustedService: 'glue.amazonaws.com',
        managedPolicyArns: [],
        inlinePolicies: glueCrawlerRolePolicies(target),
      },
      this.options.profile,
    );
  }

  ensureDataBrewJobRole(input: S3Location, output: S3Location): Promise<string> {
    return ensureServiceRole(
      this.options.iam(),
      {
        name: DATABREW_JOB_ROLE_NAME,
        path: DATA_PREP_ROLE_PATH,
        description: 'DataBrew jobs of cws-tui: read dataset folders, write output folders',
        trustedService: 'databrew.amazonaws.com',
        managedPolicyArns: [],
        inlinePolicies: dataBrewJobRolePolicies(input, output),
      },
      this.options.profile,
    );
  }

  /** The bucket's policy; undefined when it has none, 'unreadable' when the caller may not read it. */
  private async bucketPolicy(bucket: string): Promise<string | undefined | 'unreadable'> {
    try {
      const reply = await this.options
        .s3(this.options.region)
        .send(new GetBucketPolicyCommand({ Bucket: bucket }));
      return reply.Policy;
    } catch (thrown) {
      if (errorName(thrown) === 'NoSuchBucketPolicy') return undefined;
      if (DENIED.has(errorName(thrown))) return 'unreadable';
      return callAws(
        { action: 's3:GetBucketPolicy', ...(this.options.profile ? { profile: this.options.profile } : {}) },
        () => Promise.reject(thrown),
      );
    }
  }

  async checkS3Access(
    roleArn: string,
    checks: ReadonlyArray<Pick<S3AccessCheck, 'action' | 'uri'>>,
  ): Promise<S3AccessCheck[] | 'unverified'> {
    const partition = roleArn.split(':')[1] ?? 'aws';
    const account = roleArn.split(':')[4] ?? '';
    const results: S3AccessCheck[] = [];
    const buckets = [...new Set(checks.map((check) => splitUri(check.uri).bucket))];
    for (const bucket of buckets) {
      const policy = await this.bucketPolicy(bucket);
      if (policy === 'unreadable') return 'unverified';
      for (const check of checks.filter((c) => splitUri(c.uri).bucket === bucket)) {
        let reply: SimulatePrincipalPolicyCommandOutput;
        try {
          reply = await this.options.iam().send(
            new SimulatePrincipalPolicyCommand({
              PolicySourceArn: roleArn,
              ActionNames: [check.action],
              ResourceArns: [resourceArn(partition, check)],
              ...(policy
                ? { ResourcePolicy: policy, ResourceOwner: `arn:${partition}:iam::${account}:root` }
                : {}),
            }),
          );
        } catch (thrown) {
          if (DENIED.has(errorName(thrown))) return 'unverified';
          return callAws(
            {
              action: 'iam:SimulatePrincipalPolicy',
              ...(this.options.profile ? { profile: this.options.profile } : {}),
            },
            () => Promise.reject(thrown),
          );
        }
        const result = reply.EvaluationResults?.[0];
        const decision =
          result?.EvalDecision === 'allowed'
            ? 'allowed'
            : result?.EvalDecision === 'explicitDeny'
              ? 'explicit-deny'
              : 'implicit-deny';
        const fromBucket = result?.MatchedStatements?.some((s) => s.SourcePolicyType === 'resource');
        results.push({
          ...check,
          decision,
          ...(decision === 'allowed' ? {} : { source: fromBucket ? 'bucket' : 'role' }),
        });
      }
    }
    return results;
  }
}
