import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetProductsCommand, type GetProductsCommandInput, PricingClient } from '@aws-sdk/client-pricing';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { PriceListStoragePriceSource } from '../../../source/aws/pricing/PriceListStoragePriceSource.js';
import { loadStoragePrices, storagePriceCacheFile } from '../../../source/core/fsx/loadStoragePrices.js';
import { STORAGE_PRICES } from '../../../source/core/fsx/storagePrices.js';

const LOCATIONS: Record<string, string> = {
  'us-east-1': 'US East (N. Virginia)',
  'eu-west-1': 'EU (Ireland)',
};
const USAGE_PREFIX: Record<string, string> = { 'us-east-1': 'USE1', 'eu-west-1': 'EU' };

let skuCounter = 0;

/** A Price List product as GetProducts returns it for AmazonFSx or AmazonEFS (abridged). */
function priced(
  serviceCode: 'AmazonFSx' | 'AmazonEFS',
  productFamily: string,
  attributes: Record<string, string>,
  usd: string,
  unit: string,
  region: string,
): string {
  skuCounter += 1;
  const sku = `SKU${String(skuCounter).padStart(12, '0')}`;
  return JSON.stringify({
    product: {
      productFamily,
      attributes: {
        servicecode: serviceCode,
        location: LOCATIONS[region] ?? region,
        locationType: 'AWS Region',
        regionCode: region,
        operation: '',
        servicename: serviceCode === 'AmazonFSx' ? 'Amazon FSx' : 'Amazon Elastic File System',
        ...attributes,
      },
      sku,
    },
    serviceCode,
    terms: {
      OnDemand: {
        [`${sku}.JRTCKXETXF`]: {
          priceDimensions: {
            [`${sku}.JRTCKXETXF.6YS6EN2CT7`]: {
              unit,
              endRange: 'Inf',
              description: `USD ${usd} per ${unit} (${region})`,
              appliesTo: [],
              rateCode: `${sku}.JRTCKXETXF.6YS6EN2CT7`,
              beginRange: '0',
              pricePerUnit: { USD: usd },
            },
          },
          sku,
          effectiveDate: '2026-11-01T00:00:00Z',
          offerTermCode: 'JRTCKXETXF',
          termAttributes: {},
        },
      },
    },
    version: '20261120010203',
    publicationDate: '2026-11-20T01:02:03Z',
  });
}

function lustre(region: string, deploymentOption: string, storageType: string, level: string, usd: string) {
  return priced(
    'AmazonFSx',
    'Storage',
    {
      fileSystemType: 'Lustre',
      deploymentOption,
      storageType,
      throughputCapacity: level,
      usagetype: `${USAGE_PREFIX[region]}-${deploymentOption}-${storageType}${level === 'N/A' ? '' : `-${level}MBps`}-Storage`,
    },
    usd,
    'GB-Mo',
    region,
  );
}

/** What AWS lists for Lustre in eu-west-1 (page 1 of 2) and page 2 with the HDD tiers and backups. */
function lustrePages(region: string, scale: number) {
  const usd = (value: number) => (value * scale).toFixed(10);
  return [
    {
      FormatVersion: 'aws_v1',
      PriceList: [
        lustre(region, 'Scratch_2', 'SSD', 'N/A', usd(0.14)),
        lustre(region, 'Persistent_2', 'SSD', '125', usd(0.145)),
        lustre(region, 'Persistent_2', 'SSD', '250', usd(0.21)),
        lustre(region, 'Persistent_2', 'SSD', '500', usd(0.34)),
        lustre(region, 'Persistent_2', 'SSD', '1000', usd(0.6)),
        // Persistent 1 SSD is not what the app creates: ignored.
        lustre(region, 'Persistent', 'SSD', '50', usd(0.145)),
      ],
      NextToken: 'lustre-page-2',
    },
    {
      FormatVersion: 'aws_v1',
      PriceList: [
        lustre(region, 'Persistent', 'HDD', '12', usd(0.025)),
        lustre(region, 'Persistent', 'HDD', '40', usd(0.083)),
        priced(
          'AmazonFSx',
          'Storage Snapshot',
          { fileSystemType: 'Lustre', usagetype: `${USAGE_PREFIX[region]}-BackupUsage` },
          usd(0.05),
          'GB-Mo',
          region,
        ),
        // A zero-priced placeholder SKU, as AWS lists some.
        lustre(region, 'Scratch_1', 'SSD', 'N/A', '0.0000000000'),
      ],
    },
  ];
}

function openZfs(region: string, scale: number) {
  const usd = (value: number) => (value * scale).toFixed(10);
  const zfs = (family: string, attributes: Record<string, string>, value: number, unit: string) =>
    priced('AmazonFSx', family, { fileSystemType: 'OpenZFS', ...attributes }, usd(value), unit, region);
  return {
    FormatVersion: 'aws_v1',
    PriceList: [
      zfs('Storage', { deploymentOption: 'Multi-AZ', storageType: 'SSD' }, 0.18, 'GB-Mo'),
      zfs('Storage', { deploymentOption: 'Single-AZ', storageType: 'SSD' }, 0.09, 'GB-Mo'),
      zfs('Storage', { deploymentOption: 'Single-AZ', storageType: 'Intelligent-Tiering' }, 0.0125, 'GB-Mo'),
      zfs(
        'Provisioned Throughput',
        { deploymentOption: 'Single-AZ', throughputCapacity: 'N/A' },
        0.26,
        'MBps-Mo',
      ),
      zfs('Backup', { deploymentOption: 'Single-AZ' }, 0.05, 'GB-Mo'),
    ],
  };
}

function efs(region: string, scale: number) {
  const usd = (value: number) => (value * scale).toFixed(10);
  const storageClass = (name: string, usage: string, value: number) =>
    priced(
      'AmazonEFS',
      'Storage',
      { storageClass: name, usagetype: `${USAGE_PREFIX[region]}-${usage}` },
      usd(value),
      'GB-Mo',
      region,
    );
  return {
    FormatVersion: 'aws_v1',
    PriceList: [
      storageClass('General Purpose', 'TimedStorage-ByteHrs', 0.3),
      storageClass('One Zone-General Purpose', 'TimedStorage-Z-ByteHrs', 0.16),
      storageClass('Infrequent Access', 'IATimedStorage-ByteHrs', 0.016),
      storageClass('Archive', 'ArchiveTimedStorage-ByteHrs', 0.008),
    ],
  };
}

const filterValue = (input: GetProductsCommandInput, field: string) =>
  input.Filters?.find((filter) => filter.Field === field)?.Value;

/** Answers GetProducts like the Price List API: per service, file system type, region and page. */
function serveRegion(region: string, scale: number) {
  pricing.on(GetProductsCommand).callsFake((input: GetProductsCommandInput) => {
    if (filterValue(input, 'regionCode') !== region) return { FormatVersion: 'aws_v1', PriceList: [] };
    if (input.ServiceCode === 'AmazonEFS') return efs(region, scale);
    if (filterValue(input, 'fileSystemType') === 'OpenZFS') return openZfs(region, scale);
    return lustrePages(region, scale)[input.NextToken === 'lustre-page-2' ? 1 : 0];
  });
}

const pricing = mockClient(PricingClient);
afterEach(() => pricing.reset());

const source = () => new PriceListStoragePriceSource(new PricingClient({ region: 'us-east-1' }));

function awsError(name: string, message: string) {
  return Object.assign(new Error(message), { name, $fault: 'client', $metadata: { httpStatusCode: 400 } });
}

describe('PriceListStoragePriceSource', () => {
  it('reads Lustre, OpenZFS and EFS prices of the region from AmazonFSx and AmazonEFS, all pages', async () => {
    serveRegion('eu-west-1', 1.1);
    const list = await source().fetchStoragePrices('eu-west-1');
    expect(list).toEqual({
      region: 'eu-west-1',
      lustre: {
        scratch2_gb_month: 0.154,
        persistent2_gb_month: { 125: 0.1595, 250: 0.231, 500: 0.374, 1000: 0.66 },
        persistent1_hdd_gb_month: { 12: 0.0275, 40: 0.0913 },
        backup_gb_month: 0.055,
      },
      openzfs: { ssd_gb_month: 0.099, throughput_mbps_month: 0.286, backup_gb_month: 0.055 },
      efs: { standard_gb_month: 0.33, infrequent_access_gb_month: 0.0176, archive_gb_month: 0.0088 },
    });
    const calls = pricing.commandCalls(GetProductsCommand).map((call) => call.args[0].input);
    expect(
      calls.map((input) => [input.ServiceCode, filterValue(input, 'fileSystemType'), input.NextToken]),
    ).toEqual([
      ['AmazonFSx', 'Lustre', undefined],
      ['AmazonFSx', 'Lustre', 'lustre-page-2'],
      ['AmazonFSx', 'OpenZFS', undefined],
      ['AmazonEFS', undefined, undefined],
    ]);
    for (const input of calls) {
      expect(input.Filters).toContainEqual({ Type: 'TERM_MATCH', Field: 'regionCode', Value: 'eu-west-1' });
      expect(input.FormatVersion).toBe('aws_v1');
    }
  });

  it('fails when the region has no FSx or EFS prices at all, rather than pricing at nothing', async () => {
    serveRegion('eu-west-1', 1);
    await expect(source().fetchStoragePrices('ap-south-2')).rejects.toThrow(
      'the Price List API lists no FSx or EFS prices for ap-south-2',
    );
  });
});

describe('loadStoragePrices over the Price List API', () => {
  it('gives eu-west-1 its own prices, caches them for a week and says they came from the API', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'cws-storage-prices-'));
    serveRegion('eu-west-1', 1.1);
    const now = new Date('2026-12-06T08:00:00Z');
    const prices = await loadStoragePrices({ source: source(), region: 'eu-west-1', cacheDir, now });
    expect(prices).toMatchObject({ region: 'eu-west-1', source: 'api', as_of: '2026-12-06T08:00:00.000Z' });
    expect(prices.note).toBeUndefined();
    expect(prices.lustre.persistent2_gb_month[250]).toBe(0.231);
    expect(prices.efs.infrequent_access_gb_month).toBe(0.0176);
    // EFS elastic throughput is not read from the API: the snapshot's figures stand.
    expect(prices.efs.elastic_read_gb).toBe(STORAGE_PRICES.efs.elastic_read_gb);
    const cached = JSON.parse(await readFile(storagePriceCacheFile(cacheDir, 'eu-west-1'), 'utf8'));
    expect(cached).toMatchObject({ region: 'eu-west-1', fetched_at: '2026-12-06T08:00:00.000Z' });

    pricing.reset();
    pricing.on(GetProductsCommand).rejects(awsError('ThrottlingException', 'Rate exceeded'));
    const later = new Date('2026-12-08T08:00:00Z');
    const again = await loadStoragePrices({ source: source(), region: 'eu-west-1', cacheDir, now: later });
    expect(pricing.commandCalls(GetProductsCommand)).toHaveLength(0);
    expect(again).toEqual(prices);
  });

  it('keeps the last cached list, saying so, when the API throttles after the cache expired', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'cws-storage-prices-'));
    serveRegion('eu-west-1', 1.1);
    await loadStoragePrices({
      source: source(),
      region: 'eu-west-1',
      cacheDir,
      now: new Date('2026-11-01T00:00:00Z'),
    });
    pricing.reset();
    pricing.on(GetProductsCommand).rejects(awsError('ThrottlingException', 'Rate exceeded'));
    const prices = await loadStoragePrices({
      source: source(),
      region: 'eu-west-1',
      cacheDir,
      now: new Date('2026-12-06T00:00:00Z'),
    });
    expect(prices).toMatchObject({ source: 'api', region: 'eu-west-1', as_of: '2026-11-01T00:00:00.000Z' });
    expect(prices.note).toMatch(
      /^Price List API unavailable for eu-west-1 \(.+\); using prices fetched 2026-11-01$/,
    );
    expect(prices.lustre.scratch2_gb_month).toBe(0.154);
  });

  it('falls back to the snapshot, saying whose prices they are, when GetProducts is denied', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'cws-storage-prices-'));
    pricing
      .on(GetProductsCommand)
      .rejects(awsError('AccessDeniedException', 'User is not authorized to perform: pricing:GetProducts'));
    const prices = await loadStoragePrices({ source: source(), region: 'eu-west-1', cacheDir });
    expect(prices).toMatchObject({ source: 'snapshot', region: 'us-east-1', as_of: STORAGE_PRICES.as_of });
    expect(prices.note).toBe(
      "Price List API unavailable for eu-west-1 (Not permitted: pricing:GetProducts in us-east-1.); snapshot prices, not eu-west-1's",
    );
    expect(prices.lustre).toEqual(STORAGE_PRICES.lustre);
  });

  it('uses the snapshot figure for a level the region does not list, and names it', async () => {
    pricing.on(GetProductsCommand).callsFake((input: GetProductsCommandInput) => {
      if (input.ServiceCode === 'AmazonEFS') return efs('eu-west-1', 1);
      if (filterValue(input, 'fileSystemType') === 'OpenZFS') return openZfs('eu-west-1', 1);
      return { PriceList: [lustre('eu-west-1', 'Persistent_2', 'SSD', '125', '0.1600000000')] };
    });
    const prices = await loadStoragePrices({ source: source(), region: 'eu-west-1' });
    expect(prices.source).toBe('api');
    expect(prices.lustre.persistent2_gb_month[125]).toBe(0.16);
    expect(prices.lustre.persistent2_gb_month[500]).toBe(STORAGE_PRICES.lustre.persistent2_gb_month[500]);
    expect(prices.note).toContain(
      'not listed for eu-west-1, snapshot figure used: Lustre scratch, Lustre persistent2 250',
    );
  });
});
