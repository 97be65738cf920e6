import { createBilledSpendLoader } from '../../core/cost/createBilledSpendLoader.js';
import { createLivePriceLoader } from '../../core/cost/createLivePriceLoader.js';
import { loadApiPriceCatalog } from '../../core/cost/loadApiPriceCatalog.js';
import type { BilledSpendResult } from '../../core/cost/loadBilledSpend.js';
import type { PriceQuote } from '../../core/cost/PriceQuote.js';
import type { ReplaceablePriceCatalog } from '../../core/cost/ReplaceablePriceCatalog.js';
import type { SpotPriceSource } from '../../core/cost/SpotPriceSource.js';
import type { TimeWindow } from '../../core/cost/TimeWindow.js';
import { type AwsSessionOptions, awsClientConfig } from '../awsClientConfig.js';

export interface AwsCostSourcesOptions {
  /** The session's catalog, on the snapshot until the Price List API's prices replace it. */
  catalog: ReplaceablePriceCatalog;
  regions: readonly string[];
  cacheDir: string;
  /** The session's notices: why live prices are missing goes there. */
  notices: string[];
  session: AwsSessionOptions;
  /** Whether the profile asks for billed spend from Cost Explorer. */
  costExplorer: boolean;
  /** Names the billed-spend cache of this account and profile. */
  cacheKey: string;
}

export interface AwsCostSources {
  livePrices: () => Promise<void>;
  spotPrices: SpotPriceSource;
  billedSpend?: (now: Date, window?: TimeWindow) => Promise<BilledSpendResult>;
}

/**
 * The price and spend sources of a session on AWS. Every SDK client (Pricing, EC2 spot history,
 * Cost Explorer) is imported on first use, never while the app starts.
 */
export function awsCostSources(options: AwsCostSourcesOptions): AwsCostSources {
  // One credential chain for the three clients: an instance-metadata call or SSO refresh happens once.
  const session: AwsSessionOptions = {
    ...options.session,
    credentials: awsClientConfig(options.session).credentials,
  };
  let spot: Promise<SpotPriceSource> | undefined;
  const spotPrices: SpotPriceSource = {
    async currentSpotPrice(instanceType: string, region: string): Promise<PriceQuote | undefined> {
      spot ??= import('./Ec2SpotPriceSource.js').then((module) => module.createEc2SpotPriceSource(session));
      return (await spot).currentSpotPrice(instanceType, region);
    },
  };
  const livePrices = createLivePriceLoader({
    catalog: options.catalog,
    notices: options.notices,
    load: async () => {
      const { createPriceListOnDemandPriceSource } = await import('./PriceListOnDemandPriceSource.js');
      return loadApiPriceCatalog({
        source: createPriceListOnDemandPriceSource(session),
        regions: options.regions,
        cacheDir: options.cacheDir,
      });
    },
  });
  if (!options.costExplorer) return { livePrices, spotPrices };
  const billedSpend = createBilledSpendLoader({
    source: async () => {
      const { createCostExplorerBilledSpendSource } = await import(
        '../costExplorer/CostExplorerBilledSpendSource.js'
      );
      return createCostExplorerBilledSpendSource(session);
    },
    cacheDir: options.cacheDir,
    cacheKey: options.cacheKey,
  });
  return { livePrices, spotPrices, billedSpend };
}
