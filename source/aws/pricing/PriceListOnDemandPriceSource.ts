import { type Filter, PricingClient } from '@aws-sdk/client-pricing';
import type { OnDemandPriceSource, RegionPriceList } from '../../core/cost/OnDemandPriceSource.js';
import { type AwsSessionOptions, awsClientConfig } from '../awsClientConfig.js';
import { guardAwsReplies } from '../guardAwsReplies.js';
import { getPriceListProducts, PRICING_ENDPOINT_REGION, termMatch } from './getPriceListProducts.js';
import type { PriceListProduct } from './parsePriceListProduct.js';

const VOLUME_TYPES = ['gp3', 'gp2', 'io2'] as const;

/** The filters that select the price a researcher's Linux workstation is billed at. */
function linuxOnDemandFilters(region: string): Filter[] {
  return [
    termMatch('regionCode', region),
    termMatch('operatingSystem', 'Linux'),
    termMatch('tenancy', 'Shared'),
    termMatch('preInstalledSw', 'NA'),
    termMatch('capacitystatus', 'Used'),
    termMatch('licenseModel', 'No License required'),
    termMatch('operation', 'RunInstances'),
  ];
}

/** Later effective dates win: the list is as recent as its newest price. */
function newer(current: string | undefined, candidate: string | undefined): string | undefined {
  return candidate && (!current || candidate > current) ? candidate : current;
}

/**
 * EC2 on-demand Linux prices of a region from the AWS Price List API (GetProducts for AmazonEC2,
 * shared tenancy, no pre-installed software, used capacity), all pages of them, and the GB-month
 * prices of the EBS volume types the app uses.
 */
export class PriceListOnDemandPriceSource implements OnDemandPriceSource {
  private readonly client: PricingClient;

  constructor(client: PricingClient) {
    this.client = client;
  }

  private products(filters: Filter[]): Promise<PriceListProduct[]> {
    return getPriceListProducts(this.client, 'AmazonEC2', filters);
  }

  async fetchRegionPrices(region: string): Promise<RegionPriceList> {
    const inRegion = (product: PriceListProduct) =>
      product.attributes.regionCode === undefined || product.attributes.regionCode === region;
    const usdPerHour: Record<string, number> = {};
    let publishedAt: string | undefined;
    for (const product of await this.products(linuxOnDemandFilters(region))) {
      const instanceType = product.attributes.instanceType;
      if (!instanceType || !inRegion(product) || !/^hrs?$/i.test(product.unit)) continue;
      if (usdPerHour[instanceType] === undefined) usdPerHour[instanceType] = product.usd;
      publishedAt = newer(publishedAt, product.effective_date);
    }
    const ebsPerGbMonth: Partial<Record<(typeof VOLUME_TYPES)[number], number>> = {};
    for (const product of await this.products([
      termMatch('regionCode', region),
      termMatch('productFamily', 'Storage'),
    ])) {
      const volumeType = VOLUME_TYPES.find((type) => type === product.attributes.volumeApiName);
      if (!volumeType || !inRegion(product) || product.unit !== 'GB-Mo') continue;
      ebsPerGbMonth[volumeType] = product.usd;
    }
    return {
      region,
      usd_per_hour: usdPerHour,
      ebs_per_gb_month: ebsPerGbMonth,
      ...(publishedAt ? { published_at: publishedAt } : {}),
    };
  }
}

/** The Price List source of a session's credentials, talking to the us-east-1 endpoint. */
export function createPriceListOnDemandPriceSource(
  session: AwsSessionOptions = {},
): PriceListOnDemandPriceSource {
  return new PriceListOnDemandPriceSource(
    guardAwsReplies(new PricingClient({ ...awsClientConfig(session), region: PRICING_ENDPOINT_REGION })),
  );
}
