import { S3Client } from '@aws-sdk/client-s3';
import { DirectoryRegistryStore } from '../../core/marketplace/DirectoryRegistryStore.js';
import type { RegistryStore } from '../../core/marketplace/ports.js';
import { awsClientConfig } from '../awsClientConfig.js';
import { parseS3Location } from './parseS3Location.js';
import { S3RegistryStore } from './S3RegistryStore.js';

/**
 * The store of a registry location: `s3://` through the SDK's credentials (the profile's AWS
 * profile when given), anything else as a directory.
 */
export function openRegistryStore(
  location: string,
  options: { env: NodeJS.ProcessEnv; awsProfile?: string; region?: string },
): RegistryStore {
  if (!parseS3Location(location)) {
    if (location.startsWith('s3://'))
      throw new Error(`'${location}' is not a valid s3://bucket/prefix location`);
    return new DirectoryRegistryStore(location);
  }
  const endpoint = options.env.AWS_ENDPOINT_URL_S3 ?? options.env.AWS_ENDPOINT_URL;
  const client = new S3Client({
    ...awsClientConfig({ env: options.env, ...(options.awsProfile ? { profile: options.awsProfile } : {}) }),
    region: options.region ?? options.env.AWS_REGION ?? 'us-east-1',
    // An S3-compatible server on its own endpoint (MinIO, s3rver) is addressed by path.
    ...(endpoint ? { forcePathStyle: true } : {}),
  });
  return new S3RegistryStore(client, location);
}
