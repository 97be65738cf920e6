import {
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { RegistryStore } from '../../core/marketplace/ports.js';
import { parseS3Location } from './parseS3Location.js';

function errorName(error: unknown): string {
  const named = error as { name?: string; Code?: string; $metadata?: { httpStatusCode?: number } };
  if (named.$metadata?.httpStatusCode === 404) return 'NotFound';
  if (named.$metadata?.httpStatusCode === 412) return 'PreconditionFailed';
  return named.name ?? named.Code ?? '';
}

/** Turns an S3 failure into a message that names the registry and what to check. */
function describeS3Error(location: string, action: string, error: unknown): Error {
  const name = errorName(error);
  const hints: Record<string, string> = {
    NoSuchBucket: 'the bucket does not exist; check the registry location',
    AccessDenied: `your credentials may not ${action} it (s3:GetObject, s3:PutObject, s3:ListBucket)`,
    InvalidAccessKeyId: 'the AWS access key is not valid',
    ExpiredToken: 'the AWS credentials have expired; log in again',
  };
  const hint = hints[name] ?? (error instanceof Error ? error.message : String(error));
  return new Error(`the registry ${location} could not ${action}: ${hint}`);
}

/**
 * A registry in an S3 bucket under a prefix. Immutable objects are written with
 * `If-None-Match: *` after a HEAD, so that a version once published is never replaced.
 */
export class S3RegistryStore implements RegistryStore {
  private readonly bucket: string;
  private readonly prefix: string;

  constructor(
    private readonly client: S3Client,
    readonly location: string,
  ) {
    const parsed = parseS3Location(location);
    if (!parsed) throw new Error(`'${location}' is not an s3://bucket/prefix location`);
    this.bucket = parsed.bucket;
    this.prefix = parsed.prefix;
  }

  async get(key: string): Promise<Buffer | undefined> {
    try {
      const reply = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: this.prefix + key }),
      );
      if (!reply.Body) return Buffer.alloc(0);
      return Buffer.from(await reply.Body.transformToByteArray());
    } catch (error) {
      const name = errorName(error);
      if (name === 'NoSuchKey' || name === 'NotFound') return undefined;
      throw describeS3Error(this.location, 'be read', error);
    }
  }

  async put(key: string, bytes: Uint8Array, options: { ifAbsent?: boolean } = {}): Promise<boolean> {
    const Key = this.prefix + key;
    if (options.ifAbsent && (await this.exists(Key))) return false;
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key,
          Body: bytes,
          ...(options.ifAbsent ? { IfNoneMatch: '*' } : {}),
        }),
      );
      return true;
    } catch (error) {
      if (options.ifAbsent && errorName(error) === 'PreconditionFailed') return false;
      throw describeS3Error(this.location, 'be written', error);
    }
  }

  private async exists(Key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key }));
      return true;
    } catch (error) {
      const name = errorName(error);
      if (name === 'NotFound' || name === 'NoSuchKey') return false;
      throw describeS3Error(this.location, 'be read', error);
    }
  }

  async list(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    try {
      do {
        const reply = await this.client.send(
          new ListObjectsV2Command({
            Bucket: this.bucket,
            Prefix: this.prefix + prefix,
            ...(token ? { ContinuationToken: token } : {}),
          }),
        );
        for (const object of reply.Contents ?? []) {
          if (object.Key) keys.push(object.Key.slice(this.prefix.length));
        }
        token = reply.IsTruncated ? reply.NextContinuationToken : undefined;
      } while (token);
    } catch (error) {
      throw describeS3Error(this.location, 'be listed', error);
    }
    return keys.sort();
  }
}
