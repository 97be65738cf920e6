import { GetProductsCommand, type GetProductsCommandInput, PricingClient } from '@aws-sdk/client-pricing';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { PriceListOnDemandPriceSource } from '../../../source/aws/pricing/PriceListOnDemandPriceSource.js';
import { parsePriceListProduct } from '../../../source/aws/pricing/parsePriceListProduct.js';
import { CloudError } from '../../../source/core/CloudError.js';

/** A Price List product as GetProducts returns it (abridged from a real AmazonEC2 response). */
function product(instanceType: string, usd: string, sku: string, regionCode = 'us-east-1'): string {
  return JSON.stringify({
    product: {
      productFamily: 'Compute Instance',
      attributes: {
        enhancedNetworkingSupported: 'Yes',
        intelTurboAvailable: 'Yes',
        memory: '8 GiB',
        dedicatedEbsThroughput: 'Up to 10000 Mbps',
        vcpu: '2',
        classicnetworkingsupport: 'false',
        capacitystatus: 'Used',
        locationType: 'AWS Region',
        storage: 'EBS only',
        instanceFamily: 'General purpose',
        operatingSystem: 'Linux',
        regionCode,
        physicalProcessor: 'Intel Xeon Scalable (Sapphire Rapids)',
        clockSpeed: '3.2 GHz',
        ecu: 'NA',
        networkPerformance: 'Up to 12500 Megabit',
        servicename: 'Amazon Elastic Compute Cloud',
        instancesku: 'Q6VDJT7TY3BNDKRV',
        gpuMemory: 'NA',
        vpcnetworkingsupport: 'true',
        instanceType,
        tenancy: 'Shared',
        usagetype: `BoxUsage:${instanceType}`,
        normalizationSizeFactor: '4',
        processorFeatures: 'Intel AMX; Intel AVX; Intel AVX2; Intel AVX512; Intel Turbo',
        servicecode: 'AmazonEC2',
        licenseModel: 'No License required',
        currentGeneration: 'Yes',
        preInstalledSw: 'NA',
        location: 'US East (N. Virginia)',
        processorArchitecture: '64-bit',
        marketoption: 'OnDemand',
        operation: 'RunInstances',
        availabilityzone: 'NA',
      },
      sku,
    },
    serviceCode: 'AmazonEC2',
    terms: {
      OnDemand: {
        [`${sku}.JRTCKXETXF`]: {
          priceDimensions: {
            [`${sku}.JRTCKXETXF.6YS6EN2CT7`]: {
              unit: 'Hrs',
              endRange: 'Inf',
              description: `$${usd} per On Demand Linux ${instanceType} Instance Hour`,
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
      Reserved: {
        [`${sku}.4NA7Y494T4`]: {
          priceDimensions: {
            [`${sku}.4NA7Y494T4.6YS6EN2CT7`]: {
              unit: 'Hrs',
              pricePerUnit: { USD: '0.0630000000' },
              description: 'Linux/UNIX (Amazon VPC), reserved',
            },
          },
          sku,
          effectiveDate: '2024-01-01T00:00:00Z',
          offerTermCode: '4NA7Y494T4',
          termAttributes: {
            LeaseContractLength: '1yr',
            OfferingClass: 'standard',
            PurchaseOption: 'No Upfront',
          },
        },
      },
    },
    version: '20261112190025',
    publicationDate: '2026-11-12T19:00:25Z',
  });
}

/** An EBS volume product as GetProducts returns it for productFamily Storage. */
function volume(volumeApiName: string, usd: string, sku: string): string {
  return JSON.stringify({
    product: {
      productFamily: 'Storage',
      attributes: {
        maxThroughputvolume: '1000 MiB/s',
        volumeType: 'General Purpose',
        maxIopsvolume: '16000',
        usagetype: `EBS:VolumeUsage.${volumeApiName}`,
        locationType: 'AWS Region',
        maxVolumeSize: '16 TiB',
        storageMedia: 'SSD-backed',
        regionCode: 'us-east-1',
        servicecode: 'AmazonEC2',
        volumeApiName,
        location: 'US East (N. Virginia)',
        servicename: 'Amazon Elastic Compute Cloud',
        operation: '',
      },
      sku,
    },
    serviceCode: 'AmazonEC2',
    terms: {
      OnDemand: {
        [`${sku}.JRTCKXETXF`]: {
          priceDimensions: {
            [`${sku}.JRTCKXETXF.6YS6EN2CT7`]: {
              unit: 'GB-Mo',
              endRange: 'Inf',
              description: `$${usd} per GB-month of ${volumeApiName} provisioned storage - US East (Northern Virginia)`,
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
    version: '20261112190025',
    publicationDate: '2026-11-12T19:00:25Z',
  });
}

const isStorageQuery = (input: GetProductsCommandInput) =>
  (input.Filters ?? []).some((filter) => filter.Field === 'productFamily' && filter.Value === 'Storage');

const pricing = mockClient(PricingClient);
afterEach(() => pricing.reset());

describe('parsePriceListProduct', () => {
  it('reads the instance type and the on-demand hourly USD price, not the reserved one', () => {
    const parsed = parsePriceListProduct(product('m7i.large', '0.1008000000', 'ABC123'));
    expect(parsed).toMatchObject({ usd: 0.1008, unit: 'Hrs', effective_date: '2026-11-01T00:00:00Z' });
    expect(parsed?.attributes).toMatchObject({ instanceType: 'm7i.large', regionCode: 'us-east-1' });
    expect(parsePriceListProduct(volume('gp3', '0.0800000000', 'V1'))).toMatchObject({
      usd: 0.08,
      unit: 'GB-Mo',
    });
  });

  it('skips entries that are not JSON, not products, or have no positive on-demand price', () => {
    expect(parsePriceListProduct('not json')).toBeUndefined();
    expect(parsePriceListProduct(JSON.stringify({ product: { attributes: {} }, terms: {} }))).toBeUndefined();
    expect(parsePriceListProduct(JSON.stringify({ product: {} }))).toBeUndefined();
    expect(parsePriceListProduct(product('m7i.large', '0.0000000000', 'ZERO'))).toBeUndefined();
  });
});

describe('PriceListOnDemandPriceSource', () => {
  it('asks for Linux, shared tenancy, no software, used capacity in the region, and follows pages', async () => {
    const instancePages = [
      {
        FormatVersion: 'aws_v1',
        PriceList: [product('m7i.large', '0.1008000000', 'A1'), product('t3.micro', '0.0104000000', 'A2')],
        NextToken: 'page-2',
      },
      { FormatVersion: 'aws_v1', PriceList: [product('g5.xlarge', '1.0060000000', 'A3')] },
    ];
    pricing.on(GetProductsCommand).callsFake((input: GetProductsCommandInput) =>
      isStorageQuery(input)
        ? {
            PriceList: [
              volume('gp3', '0.0800000000', 'V1'),
              volume('gp2', '0.1000000000', 'V2'),
              volume('st1', '0.0450000000', 'V3'),
            ],
          }
        : instancePages[input.NextToken === 'page-2' ? 1 : 0],
    );
    const source = new PriceListOnDemandPriceSource(new PricingClient({ region: 'us-east-1' }));
    const list = await source.fetchRegionPrices('us-east-1');
    expect(list).toEqual({
      region: 'us-east-1',
      usd_per_hour: { 'm7i.large': 0.1008, 't3.micro': 0.0104, 'g5.xlarge': 1.006 },
      ebs_per_gb_month: { gp3: 0.08, gp2: 0.1 },
      published_at: '2026-11-01T00:00:00Z',
    });
    const calls = pricing.commandCalls(GetProductsCommand);
    expect(calls).toHaveLength(3);
    const input = calls[0]!.args[0].input;
    expect(input.ServiceCode).toBe('AmazonEC2');
    expect(input.Filters).toEqual(
      expect.arrayContaining([
        { Type: 'TERM_MATCH', Field: 'regionCode', Value: 'us-east-1' },
        { Type: 'TERM_MATCH', Field: 'operatingSystem', Value: 'Linux' },
        { Type: 'TERM_MATCH', Field: 'tenancy', Value: 'Shared' },
        { Type: 'TERM_MATCH', Field: 'preInstalledSw', Value: 'NA' },
        { Type: 'TERM_MATCH', Field: 'capacitystatus', Value: 'Used' },
      ]),
    );
    expect(calls[1]!.args[0].input.NextToken).toBe('page-2');
  });

  it('ignores products of another region', async () => {
    pricing
      .on(GetProductsCommand)
      .resolves({ PriceList: [product('m7i.large', '0.1123000000', 'B1', 'eu-west-1')] });
    const source = new PriceListOnDemandPriceSource(new PricingClient({ region: 'us-east-1' }));
    expect((await source.fetchRegionPrices('us-east-1')).usd_per_hour).toEqual({});
  });

  it('turns AccessDenied into a CloudError naming the permission', async () => {
    const denied = Object.assign(new Error('User is not authorized to perform: pricing:GetProducts'), {
      name: 'AccessDeniedException',
      $fault: 'client',
    });
    pricing.on(GetProductsCommand).rejects(denied);
    const source = new PriceListOnDemandPriceSource(new PricingClient({ region: 'us-east-1' }));
    const error = await source.fetchRegionPrices('us-east-1').catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(CloudError);
    expect(error).toMatchObject({
      kind: 'unauthorized',
      message: 'Not permitted: pricing:GetProducts in us-east-1.',
    });
  });
});
