import { gunzipSync } from 'node:zlib';
import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadBucketCommand,
  PutBucketTaggingCommand,
  PutObjectCommand,
  PutPublicAccessBlockCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { BigDataStagingPort, S3Location } from '../../core/bigdata/ports.js';
import { stagingBucketName } from '../../core/bigdata/stagingBucketName.js';
import { TAG } from '../../core/ports.js';
import { callAws } from '../callAws.js';
import { toTagList } from '../tagList.js';

export interface S3StagingOptions {
  s3: (region: string) => S3Client;
  accountId: () => Promise<string>;
  profile?: string;
}

function statusOf(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
}

/** The staging bucket through S3: made once per account and region, private, tagged. */
export class S3Staging implements BigDataStagingPort {
  private readonly ensured = new Map<string, Promise<string>>();

  constructor(private readonly options: S3StagingOptions) {}

  private context(action: string, region: string) {
    return {
      action: `s3:${action}`,
      region,
      ...(this.options.profile ? { profile: this.options.profile } : {}),
    };
  }

  ensureStagingBucket(region: string): Promise<string> {
    let ensured = this.ensured.get(region);
    if (!ensured) {
      ensured = this.ensure(region);
      ensured.catch(() => this.ensured.delete(region));
      this.ensured.set(region, ensured);
    }
    return ensured;
  }

  private async ensure(region: string): Promise<string> {
    const bucket = stagingBucketName(await this.options.accountId(), region);
    const s3 = this.options.s3(region);
    const exists = await s3.send(new HeadBucketCommand({ Bucket: bucket })).then(
      () => true,
      (error: unknown) =>
        statusOf(error) === 404 || (error as Error).name === 'NotFound'
          ? false
          : callAws(this.context('ListBucket', region), () => Promise.reject(error)),
    );
    if (exists) return bucket;
    await s3
      .send(
        new CreateBucketCommand({
          Bucket: bucket,
          ...(region === 'us-east-1'
            ? {}
            : { CreateBucketConfiguration: { LocationConstraint: region as never } }),
        }),
      )
      .catch((error: unknown) =>
        (error as Error).name === 'BucketAlreadyOwnedByYou'
          ? undefined
          : callAws(this.context('CreateBucket', region), () => Promise.reject(error)),
      );
    await callAws(this.context('PutBucketPublicAccessBlock', region), () =>
      s3.send(
        new PutPublicAccessBlockCommand({
          Bucket: bucket,
          PublicAccessBlockConfiguration: {
            BlockPublicAcls: true,
            IgnorePublicAcls: true,
            BlockPublicPolicy: true,
            RestrictPublicBuckets: true,
          },
        }),
      ),
    );
    await callAws(this.context('PutBucketTagging', region), () =>
      s3.send(
        new PutBucketTaggingCommand({
          Bucket: bucket,
          Tagging: { TagSet: toTagList({ [TAG.managed]: 'true' }) },
        }),
      ),
    );
    return bucket;
  }

  async upload(region: string, location: S3Location, body: Uint8Array): Promise<void> {
    await callAws(this.context('PutObject', region), () =>
      this.options
        .s3(region)
        .send(new PutObjectCommand({ Bucket: location.bucket, Key: location.key, Body: body })),
    );
  }

  async readText(region: string, location: S3Location): Promise<string | undefined> {
    const response = await this.options
      .s3(region)
      .send(new GetObjectCommand({ Bucket: location.bucket, Key: location.key }))
      .catch((error: unknown) =>
        (error as Error).name === 'NoSuchKey' || statusOf(error) === 404
          ? undefined
          : callAws(this.context('GetObject', region), () => Promise.reject(error)),
      );
    if (!response?.Body) return undefined;
    const bytes = Buffer.from(await response.Body.transformToByteArray());
    return (location.key.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  }
}
