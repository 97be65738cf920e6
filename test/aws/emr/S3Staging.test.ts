import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3Staging } from '../../../source/aws/emr/S3Staging.js';

// A real S3 implementation on loopback: the adapter's requests and S3's answers, not a mock's.
let server: S3rver;
let client: S3Client;

beforeAll(async () => {
  server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: mkdtempSync(join(tmpdir(), 's3rver-')),
  });
  const address = await server.run();
  client = new S3Client({
    region: 'us-east-1',
    endpoint: `http://127.0.0.1:${address.port}`,
    forcePathStyle: true,
    maxAttempts: 1,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
});

afterAll(async () => {
  await server?.close();
});

describe('S3Staging on s3rver', () => {
  it('uploads a script and reads a gzipped driver log back', async () => {
    // s3rver has no public access block API: the bucket's creation is tested with a mock below.
    const bucket = 'cws-tui-staging-123456789012-us-east-1';
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
    const staging = new S3Staging({ s3: () => client, accountId: async () => '123456789012' });
    const script = new TextEncoder().encode('print("hello")\n');
    await staging.upload('us-east-1', { bucket, key: 'bigdata/etl/x/etl.py' }, script);
    expect(await staging.readText('us-east-1', { bucket, key: 'bigdata/etl/x/etl.py' })).toBe(
      'print("hello")\n',
    );

    const key = 'bigdata/logs/applications/a1/jobs/r1/SPARK_DRIVER/stderr.gz';
    await client.send(
      new PutObjectCommand({ Bucket: bucket, Key: key, Body: gzipSync('ValueError: boom\n') }),
    );
    expect(await staging.readText('us-east-1', { bucket, key })).toBe('ValueError: boom\n');
    expect(await staging.readText('us-east-1', { bucket, key: 'bigdata/logs/none.gz' })).toBeUndefined();
  });
});
