import type { S3Location } from '../bigdata/ports.js';

/** One S3 action a role needs on one object path, and whether IAM allows it. */
export interface S3AccessCheck {
  action: 's3:GetObject' | 's3:PutObject' | 's3:ListBucket';
  /** `s3://bucket/key` the action was checked on. */
  uri: string;
  decision: 'allowed' | 'explicit-deny' | 'implicit-deny';
  /** Which policy decided: the role's own, or the bucket policy's. */
  source?: 'role' | 'bucket';
}

/** The service roles of data preparation: least privilege on the lab's prefixes, made when missing. */
export interface AnalyticsRolePort {
  /** The role a Glue crawler assumes: read and list the crawled prefix, write its own logs. */
  ensureGlueCrawlerRole(target: S3Location): Promise<string>;
  /** The role a DataBrew job assumes: read the dataset's prefix, write the output prefix. */
  ensureDataBrewJobRole(input: S3Location, output: S3Location): Promise<string>;
  /**
   * What IAM decides for the role on these objects, its policies and the buckets' policies
   * together; `unverified` when the caller may not ask (the run goes ahead, and says so).
   */
  checkS3Access(
    roleArn: string,
    checks: ReadonlyArray<Pick<S3AccessCheck, 'action' | 'uri'>>,
  ): Promise<S3AccessCheck[] | 'unverified'>;
}
