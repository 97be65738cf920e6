import type { PriceCatalog, StorageKind } from './PriceCatalog.js';
import type { PriceQuote, StoragePriceQuote } from './PriceQuote.js';

/**
 * A catalog whose prices can be replaced while the app runs: the session starts on the snapshot and
 * moves to the Price List API's prices once they are loaded, without its consumers noticing. Every
 * lookup reads the current catalog.
 */
export class ReplaceablePriceCatalog implements PriceCatalog {
  private current: PriceCatalog;

  constructor(initial: PriceCatalog) {
    this.current = initial;
  }

  replace(next: PriceCatalog): void {
    this.current = next;
  }

  instanceHourly(instanceType: string, region: string): PriceQuote | undefined {
    return this.current.instanceHourly(instanceType, region);
  }

  storageMonthly(kind: StorageKind, region: string): StoragePriceQuote | undefined {
    return this.current.storageMonthly(kind, region);
  }
}
