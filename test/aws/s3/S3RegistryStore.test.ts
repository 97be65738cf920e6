import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateBucketCommand,
  GetObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3RegistryStore } from '../../../source/aws/s3/S3RegistryStore.js';
import { verifyInstalledTemplate } from '../../../source/core/marketplace/installedRelease.js';
import { installRelease } from '../../../source/core/marketplace/installRelease.js';
import { RegistryRatings } from '../../../source/core/marketplace/ratings.js';
import { registryKeys } from '../../../source/core/marketplace/registryKeys.js';
import { reviewRelease } from '../../../source/core/marketplace/reviewRelease.js';
import { newKey, publishSample, scratchDir, trustOf } from '../../core/marketplace/marketplaceFixtures.js';

describe('S3RegistryStore against s3rver on loopback', () => {
  let server: S3rver;
  let client: S3Client;

  beforeAll(async () => {
    server = new S3rver({
      address: '127.0.0.1',
      port: 0,
      silent: true,
      directory: mkdtempSync(join(tmpdir(), 'cws-s3rver-')),
    });
    const { port } = (await server.run()) as { port: number };
    client = new S3Client({
      endpoint: `http://127.0.0.1:${port}`,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    await client.send(new CreateBucketCommand({ Bucket: 'lab-templates' }));
  });

  afterAll(async () => {
    client?.destroy();
    await server?.close();
  });

  it('publishes, reviews, installs and re-verifies a release; versions stay immutable', async () => {
    const store = new S3RegistryStore(client, 's3://lab-templates/registry');
    const publisher = newKey();
    const approver = newKey();
    const trust = trustOf(publisher, approver, store.location);
    await publishSample(store, publisher);
    await expect(publishSample(store, publisher, '1.0.0')).rejects.toThrow(/immutable/);
    expect(
      await store.put(registryKeys.signature('r-lab', '1.0.0'), Buffer.from('x'), { ifAbsent: true }),
    ).toBe(false);
    await reviewRelease(store, trust, {
      slug: 'r-lab',
      version: '1.0.0',
      decision: 'approve',
      reason: 'reviewed',
      reviewerName: 'RC',
      key: approver,
      now: new Date(),
    });
    const userTemplatesDir = scratchDir();
    const installed = await installRelease(store, trust, 'r-lab', { userTemplatesDir, now: new Date() });
    const provenance = await verifyInstalledTemplate(installed.path, [trust]);
    expect(provenance).toMatchObject({
      state: 'approved',
      registry: 'lab',
      version: '1.0.0',
      approver: 'Research Computing',
    });
    expect(await store.list('templates/r-lab/')).toEqual([
      'templates/r-lab/1.0.0/review.json',
      'templates/r-lab/1.0.0/scan.json',
      'templates/r-lab/1.0.0/signature.json',
      'templates/r-lab/1.0.0/template.yml',
    ]);
  });

  it('refuses an install whose object was replaced in the bucket', async () => {
    const store = new S3RegistryStore(client, 's3://lab-templates/tampered');
    const publisher = newKey();
    const trust = trustOf(publisher, newKey(), store.location);
    await publishSample(store, publisher);
    await client.send(
      new PutObjectCommand({
        Bucket: 'lab-templates',
        Key: 'tampered/templates/r-lab/1.0.0/template.yml',
        Body: 'name: R Lab\nslug: r-lab\ndescription: evil\n',
      }),
    );
    await expect(
      installRelease(store, trust, 'r-lab@1.0.0', { userTemplatesDir: scratchDir(), now: new Date() }),
    ).rejects.toThrow(/the template was altered/);
  });

  it('keeps one rating per user and version: re-rating replaces', async () => {
    const ratings = new RegistryRatings(new S3RegistryStore(client, 's3://lab-templates/ratings'));
    const base = {
      slug: 'r-lab',
      version: '1.0.0',
      user: 'alice',
      text: 'good',
      rated_at: '2026-12-01T00:00:00Z',
    };
    await ratings.rate({ ...base, stars: 3 });
    await ratings.rate({ ...base, stars: 5 });
    await ratings.rate({ ...base, user: 'bob', stars: 4 });
    expect((await ratings.ratingsOf('r-lab')).map((rating) => [rating.user, rating.stars])).toEqual([
      ['alice', 5],
      ['bob', 4],
    ]);
  });
});

describe('S3RegistryStore errors (SDK level)', () => {
  function serviceError(name: string, status: number): S3ServiceException {
    return new S3ServiceException({
      name,
      $fault: 'client',
      $metadata: { httpStatusCode: status },
      message: name,
    });
  }

  it('a missing object is undefined; access denied and a missing bucket are named', async () => {
    const mock = mockClient(S3Client);
    const store = new S3RegistryStore(new S3Client({ region: 'us-east-1' }), 's3://lab-templates/x');
    mock.on(GetObjectCommand, { Key: 'x/index.json' }).rejects(serviceError('NoSuchKey', 404));
    expect(await store.get('index.json')).toBeUndefined();
    mock.on(GetObjectCommand, { Key: 'x/a' }).rejects(serviceError('AccessDenied', 403));
    await expect(store.get('a')).rejects.toThrow(/s3:GetObject/);
    mock.on(GetObjectCommand, { Key: 'x/b' }).rejects(serviceError('NoSuchBucket', 404));
    // A 404 of a bucket is no object either: the registry reads as empty, and listing says why.
    expect(await store.get('b')).toBeUndefined();
    mock.restore();
  });

  it('a precondition failure on an immutable write means it exists', async () => {
    const mock = mockClient(S3Client);
    const store = new S3RegistryStore(new S3Client({ region: 'us-east-1' }), 's3://lab-templates');
    mock.onAnyCommand().rejects(serviceError('NotFound', 404));
    mock.on(PutObjectCommand).rejects(serviceError('PreconditionFailed', 412));
    expect(await store.put('k', Buffer.from('x'), { ifAbsent: true })).toBe(false);
    mock.restore();
  });
});
