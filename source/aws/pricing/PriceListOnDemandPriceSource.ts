import { GetProductsCommand, PricingClient } from '@aws-sdk/client-pricing';
import type { OnDemandPriceSource, RegionPriceList } from '../../core/cost/OnDemandPriceSource.js';
import { type AwsSessionOptions, awsClientConfig } from '../awsClientConfig.js';
import { callAws } from '../callAws.js';
import { parsePriceListProduct } from './parsePriceListProduct.js';

/** The Price List API is served from us-east-1 whatever region the prices are for. */
export const PRICING_ENDPOINT_REGION = 'us-east-1';

/** GetProducts returns at most 100 products per page. */
const PAGE_SIZE = 100;

/** The filters that select the price a researcher's Linux workstation is billed at. */
function linuxOnDemandFilters(region: string) {
  const match = (Field: string, Value: string) => ({ Type: 'TERM_MATCH' as const, Field, Value });
  return [
    match('regionCode', region),
    match('operatingSystem', 'Linux'),
    match('tenancy', 'Shared'),
    match('preInstalledSw', 'NA'),
    match('capacitystatus', 'Used'),
    match('licenseModel', 'No License required'),
    match('operation', 'RunInstances'),
  ];
}

/**
 * EC2 on-demand Linux prices of a region from the AWS Price List API (GetProducts for AmazonEC2,
 * shared tenancy, no pre-installed software, used capacity), all pages of them.
 */
export class PriceListOnDemandPriceSource implements OnDemandPriceSource {
  private readonly client: PricingClient;

  constructor(client: PricingClient) {
    this.client = client;
  }

  async fetchRegionPrices(region: string): Promise<RegionPriceList> {
    const usdPerHour: Record<string, number> = {};
    let publishedAt: string | undefined;
    let nextToken: string | undefined;
    do {
      const page = await callAws({ action: 'pricing:GetProducts', region: PRICING_ENDPOINT_REGION }, () =>
        this.client.send(
          new GetProductsCommand({
            ServiceCode: 'AmazonEC2',
            FormatVersion: 'aws_v1',
            Filters: linuxOnDemandFilters(region),
            MaxResults: PAGE_SIZE,
            ...(nextToken ? { NextToken: nextToken } : {}),
          }),
        ),
      );
      const entries = Array.isArray(page.PriceList) ? page.PriceList : [];
      for (const entry of entries) {
        const price = parsePriceListProduct(String(entry));
        if (!price || (price.region_code && price.region_code !== region)) continue;
        if (usdPerHour[price.instance_type] === undefined)
          usdPerHour[price.instance_type] = price.usd_per_hour;
        if (price.effective_date && (!publishedAt || price.effective_date > publishedAt)) {
          publishedAt = price.effective_date;
        }
      }
      nextToken = page.NextToken;
    } while (nextToken);
    return { region, usd_per_hour: usdPerHour, ...(publishedAt ? { published_at: publishedAt } : {}) };
  }
}

/** The Price List source of a session's credentials, talking to the us-east-1 endpoint. */
export function createPriceListOnDemandPriceSource(
  session: AwsSessionOptions = {},
): PriceListOnDemandPriceSource {
  return new PriceListOnDemandPriceSource(
    new PricingClient({ ...awsClientConfig(session), region: PRICING_ENDPOINT_REGION }),
  );
}
