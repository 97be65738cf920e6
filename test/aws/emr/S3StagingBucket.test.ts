import {
  CreateBucketCommand,
  HeadBucketCommand,
  PutBucketTaggingCommand,
  PutPublicAccessBlockCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { S3Staging } from '../../../source/aws/emr/S3Staging.js';

describe('S3Staging bucket creation (SDK mock)', () => {
  const s3Mock = mockClient(S3Client);
  const mocked = new S3Client({
    region: 'eu-west-1',
    maxAttempts: 1,
    credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'x' },
  });
  const notFound = () =>
    Object.assign(
      new S3ServiceException({
        name: 'NotFound',
        $fault: 'client',
        $metadata: { httpStatusCode: 404 },
        message: 'Not Found',
      }),
    );

  it('creates a missing bucket in the region, blocks public access and tags it, once per session', async () => {
    s3Mock.reset();
    s3Mock.on(HeadBucketCommand).rejects(notFound());
    s3Mock.on(CreateBucketCommand).resolves({ Location: '/cws-tui-staging-123456789012-eu-west-1' });
    s3Mock.on(PutPublicAccessBlockCommand).resolves({});
    s3Mock.on(PutBucketTaggingCommand).resolves({});
    const staging = new S3Staging({ s3: () => mocked, accountId: async () => '123456789012' });
    expect(await staging.ensureStagingBucket('eu-west-1')).toBe('cws-tui-staging-123456789012-eu-west-1');
    await staging.ensureStagingBucket('eu-west-1');
    expect(s3Mock.commandCalls(CreateBucketCommand).map((call) => call.args[0].input)).toEqual([
      {
        Bucket: 'cws-tui-staging-123456789012-eu-west-1',
        CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' },
      },
    ]);
    expect(
      s3Mock.commandCalls(PutPublicAccessBlockCommand)[0]!.args[0].input.PublicAccessBlockConfiguration,
    ).toEqual({
      BlockPublicAcls: true,
      IgnorePublicAcls: true,
      BlockPublicPolicy: true,
      RestrictPublicBuckets: true,
    });
  });

  it('refuses a bucket of that name it may not read (403) with a CloudError', async () => {
    s3Mock.reset();
    s3Mock.on(HeadBucketCommand).rejects(
      new S3ServiceException({
        name: 'Forbidden',
        $fault: 'client',
        $metadata: { httpStatusCode: 403 },
        message: 'Forbidden',
      }),
    );
    const staging = new S3Staging({ s3: () => mocked, accountId: async () => '123456789012' });
    await expect(staging.ensureStagingBucket('eu-west-1')).rejects.toMatchObject({ name: 'CloudError' });
    expect(s3Mock.commandCalls(CreateBucketCommand)).toHaveLength(0);
  });
});
