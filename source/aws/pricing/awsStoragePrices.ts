import { cachedStoragePrices } from '../../core/fsx/loadStoragePrices.js';
import type { StoragePricePort } from '../../core/fsx/ports.js';
import type { AwsClientConfig } from '../awsClientConfig.js';

/**
 * The account's storage prices from the Price List API, cached beside the EC2 prices; the Pricing
 * SDK is imported on first need, never while the app starts.
 */
export function awsStoragePrices(config: AwsClientConfig, cacheDir: string | undefined): StoragePricePort {
  return cachedStoragePrices({
    source: async () => {
      const { createPriceListStoragePriceSource } = await import('./PriceListStoragePriceSource.js');
      return createPriceListStoragePriceSource(config);
    },
    ...(cacheDir ? { cacheDir } : {}),
  });
}
