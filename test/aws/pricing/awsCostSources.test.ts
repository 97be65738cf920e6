import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CostExplorerClient, GetCostAndUsageCommand } from '@aws-sdk/client-cost-explorer';
import { DescribeSpotPriceHistoryCommand, EC2Client } from '@aws-sdk/client-ec2';
import { GetProductsCommand, PricingClient } from '@aws-sdk/client-pricing';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { awsCostSources } from '../../../source/aws/pricing/awsCostSources.js';
import { snapshotPriceCatalog } from '../../../source/core/cost/priceTable.js';
import { ReplaceablePriceCatalog } from '../../../source/core/cost/ReplaceablePriceCatalog.js';

const pricing = mockClient(PricingClient);
const ec2 = mockClient(EC2Client);
const ce = mockClient(CostExplorerClient);
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };

function product(instanceType: string, usd: string): string {
  return JSON.stringify({
    product: { attributes: { instanceType, regionCode: 'us-east-1' } },
    terms: {
      OnDemand: {
        term: {
          effectiveDate: '2026-11-01T00:00:00Z',
          priceDimensions: { dimension: { unit: 'Hrs', pricePerUnit: { USD: usd } } },
        },
      },
    },
  });
}

let cacheDir: string;
let notices: string[];
let catalog: ReplaceablePriceCatalog;

beforeEach(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'cws-aws-cost-'));
  notices = [];
  catalog = new ReplaceablePriceCatalog(snapshotPriceCatalog);
});
afterEach(() => {
  pricing.reset();
  ec2.reset();
  ce.reset();
});

const sources = (costExplorer: boolean) =>
  awsCostSources({
    catalog,
    regions: ['us-east-1'],
    cacheDir,
    notices,
    session: { credentials, maxAttempts: 1 },
    costExplorer,
    cacheKey: 'aws-lab',
  });

describe('awsCostSources', () => {
  it('asks AWS nothing until a price is needed, then moves the catalog to the Price List prices', async () => {
    pricing
      .on(GetProductsCommand)
      .resolves({ PriceList: [product('t3.large', '0.0800000000')], FormatVersion: 'aws_v1' });
    const { livePrices } = sources(false);
    expect(pricing.calls()).toHaveLength(0);
    expect(catalog.instanceHourly('t3.large', 'us-east-1')?.source).toBe('snapshot');
    await Promise.all([livePrices(), livePrices()]);
    // One load for both calls: EC2 instances and EBS volumes, one page each.
    expect(pricing.commandCalls(GetProductsCommand)).toHaveLength(2);
    expect(catalog.instanceHourly('t3.large', 'us-east-1')).toMatchObject({
      usd_per_hour: 0.08,
      source: 'api',
    });
    // A type the API did not list keeps its snapshot price.
    expect(catalog.instanceHourly('m7i.large', 'us-east-1')?.source).toBe('snapshot');
    expect(notices).toEqual([]);
  });

  it('stays on the snapshot with a notice when the Price List API refuses', async () => {
    pricing
      .on(GetProductsCommand)
      .rejects(
        Object.assign(new Error('not authorized'), { name: 'AccessDeniedException', $fault: 'client' }),
      );
    await sources(false).livePrices();
    expect(catalog.instanceHourly('t3.large', 'us-east-1')?.source).toBe('snapshot');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(
      /^Price List API unavailable for us-east-1 \(.*\); showing the estimate snapshot of /,
    );
  });

  it('reads the current spot price from the EC2 spot history', async () => {
    ec2.on(DescribeSpotPriceHistoryCommand).resolves({
      SpotPriceHistory: [
        { AvailabilityZone: 'us-east-1a', SpotPrice: '0.0300', Timestamp: new Date('2026-11-26T03:00:00Z') },
        { AvailabilityZone: 'us-east-1b', SpotPrice: '0.0250', Timestamp: new Date('2026-11-26T02:00:00Z') },
      ],
    });
    const quote = await sources(false).spotPrices.currentSpotPrice('t3.large', 'us-east-1');
    expect(quote).toMatchObject({ usd_per_hour: 0.025, source: 'spot' });
  });

  it('fetches billed spend only when the profile enables Cost Explorer, then serves it from the cache', async () => {
    expect(sources(false).billedSpend).toBeUndefined();
    ce.on(GetCostAndUsageCommand).resolves({
      ResultsByTime: [
        {
          TimePeriod: { Start: '2026-11-01', End: '2026-11-02' },
          Total: { UnblendedCost: { Amount: '12.5', Unit: 'USD' } },
          Estimated: false,
        },
      ],
    });
    const { billedSpend } = sources(true);
    const now = new Date('2026-11-01T12:00:00Z');
    const first = await billedSpend?.(now);
    expect(first).toMatchObject({
      basis: 'billed',
      from_cache: false,
      spend: { amount: 12.5, currency: 'USD' },
    });
    const input = ce.commandCalls(GetCostAndUsageCommand)[0]?.args[0].input;
    expect(input?.TimePeriod).toEqual({ Start: '2026-11-01', End: '2026-11-02' });
    expect(input?.Filter?.Tags).toMatchObject({ Key: 'cws:managed', Values: ['true'] });
    const second = await sources(true).billedSpend?.(new Date('2026-11-01T17:00:00Z'));
    expect(second).toMatchObject({ from_cache: true, spend: { amount: 12.5 } });
    expect(ce.commandCalls(GetCostAndUsageCommand)).toHaveLength(1);
  });
});
