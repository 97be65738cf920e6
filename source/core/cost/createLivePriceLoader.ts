import type { ApiPriceCatalog } from './loadApiPriceCatalog.js';
import { PRICE_SNAPSHOT_DATE } from './priceTable.js';
import type { ReplaceablePriceCatalog } from './ReplaceablePriceCatalog.js';

export interface LivePriceLoaderOptions {
  /** The session's catalog: on the snapshot until the live prices are in. */
  catalog: ReplaceablePriceCatalog;
  /** Loads the Price List API's prices (through their cache), e.g. with loadApiPriceCatalog. */
  load: () => Promise<ApiPriceCatalog>;
  /** The session's notices: why live prices are missing or old goes there, once each. */
  notices: string[];
}

/**
 * Loading live prices starts on first need, not when the app starts (the Pricing SDK is large and
 * the API slow); every later call returns the same load. The catalog moves to the live prices once
 * they are in, and a load that fails leaves the snapshot in place with a notice. It never rejects.
 */
export function createLivePriceLoader(options: LivePriceLoaderOptions): () => Promise<void> {
  let loading: Promise<void> | undefined;
  const notify = (notice: string) => {
    if (!options.notices.includes(notice)) options.notices.push(notice);
  };
  return () => {
    loading ??= options.load().then(
      (live) => {
        options.catalog.replace(live.catalog);
        for (const note of live.notes) notify(note);
      },
      (error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        notify(
          `live prices could not be loaded (${reason}); showing the estimate snapshot of ${PRICE_SNAPSHOT_DATE}`,
        );
      },
    );
    return loading;
  };
}
