import {
  PutBucketTaggingCommand,
  PutObjectCommand,
  PutPublicAccessBlockCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { afterAll, describe, expect, it } from 'vitest';
import { capturingHandler, missingFields, serialize } from './serializedRequest.js';

const s3 = new S3Client({
  region: 'us-east-1',
  credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
  maxAttempts: 1,
  requestHandler: capturingHandler,
});
const BUCKET = 'cws-tui-staging-123456789012-eu-west-1';

afterAll(() => s3.destroy());

describe('missingFields on the REST-XML protocol (S3)', () => {
  it('would catch an unknown field inside an XML payload', async () => {
    const input = {
      Bucket: BUCKET,
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicies: true },
    };
    const request = await serialize(s3, new PutPublicAccessBlockCommand(input as never));
    expect(missingFields(input, { protocol: 'rest-xml', request })).toEqual([
      'PublicAccessBlockConfiguration.BlockPublicPolicies',
    ]);
  });

  it('would catch an unknown top-level member and a list item whose value did not make it', async () => {
    const input = { Bucket: BUCKET, Tagging: { TagSet: [{ Key: 'cws:managed', Value: 'true' }] } };
    const request = await serialize(s3, new PutBucketTaggingCommand(input));
    expect(missingFields(input, { protocol: 'rest-xml', request })).toEqual([]);
    expect(
      missingFields(
        {
          ...input,
          ExpectedOwner: 'arn:aws:iam::123456789012:root',
          Tagging: { TagSet: [{ Key: 'cws:project' }] },
        },
        { protocol: 'rest-xml', request },
      ),
    ).toEqual(['Tagging.TagSet.0.Key', 'ExpectedOwner']);
  });

  it('checks an object body byte for byte', async () => {
    const input = { Bucket: BUCKET, Key: 'jobs/variants.py', Body: new TextEncoder().encode('print(1)\n') };
    const request = await serialize(s3, new PutObjectCommand(input));
    expect(missingFields(input, { protocol: 'rest-xml', request })).toEqual([]);
    const other = { ...input, Body: new TextEncoder().encode('print(2)\n') };
    expect(missingFields(other, { protocol: 'rest-xml', request })).toEqual(['Body']);
  });
});
