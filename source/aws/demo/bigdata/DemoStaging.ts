import { gunzipSync } from 'node:zlib';
import type { BigDataStagingPort, S3Location } from '../../../core/bigdata/ports.js';
import { stagingBucketName } from '../../../core/bigdata/stagingBucketName.js';
import { DEMO_ACCOUNT_ID } from '../demoState.js';
import type { DemoBigDataStore } from './DemoBigDataStore.js';
import type { DemoEmrServerless } from './DemoEmrServerless.js';

/** The demo's staging bucket: uploaded objects kept in the demo state, run logs from the demo driver. */
export class DemoStaging implements BigDataStagingPort {
  constructor(
    private readonly store: DemoBigDataStore,
    private readonly serverless: DemoEmrServerless,
  ) {}

  async ensureStagingBucket(region: string): Promise<string> {
    const bucket = stagingBucketName(DEMO_ACCOUNT_ID, region);
    await this.store.update((state) => {
      if (!state.buckets.includes(bucket)) state.buckets.push(bucket);
    });
    return bucket;
  }

  async upload(_region: string, location: S3Location, body: Uint8Array): Promise<void> {
    await this.store.update((state) => {
      if (!state.buckets.includes(location.bucket))
        throw new Error(`demo: the bucket ${location.bucket} does not exist`);
      state.objects[`${location.bucket}/${location.key}`] = Buffer.from(body).toString('base64');
    });
  }

  async readText(_region: string, location: S3Location): Promise<string | undefined> {
    const state = await this.store.read();
    const stored = state.objects[`${location.bucket}/${location.key}`];
    const bytes =
      stored === undefined
        ? await this.serverless.driverLog(location.bucket, location.key)
        : Buffer.from(stored, 'base64');
    if (bytes === undefined) return undefined;
    return Buffer.from(location.key.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  }
}
