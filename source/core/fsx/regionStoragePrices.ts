import type { StoragePricePort } from './ports.js';
import { STORAGE_PRICES, type StoragePrices } from './storagePrices.js';

/** A region's storage prices from the account's port; the snapshot when the account has none. */
export async function regionStoragePrices(
  port: StoragePricePort | undefined,
  region: string,
): Promise<StoragePrices> {
  return (await port?.pricesFor(region)) ?? STORAGE_PRICES;
}
