import { GetProductsCommand, PricingClient } from '@aws-sdk/client-pricing';
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

const pricing = mockClient(PricingClient);
afterEach(() => pricing.reset());

describe('parsePriceListProduct', () => {
  it('reads the instance type and the on-demand hourly USD price, not the reserved one', () => {
    expect(parsePriceListProduct(product('m7i.large', '0.1008000000', 'ABC123'))).toEqual({
      instance_type: 'm7i.large',
      region_code: 'us-east-1',
      usd_per_hour: 0.1008,
      effective_date: '2026-11-01T00:00:00Z',
    });
  });

  it('skips entries that are not JSON, lack an instance type, or have no positive hourly price', () => {
    expect(parsePriceListProduct('not json')).toBeUndefined();
    expect(parsePriceListProduct(JSON.stringify({ product: { attributes: {} }, terms: {} }))).toBeUndefined();
    expect(parsePriceListProduct(product('m7i.large', '0.0000000000', 'ZERO'))).toBeUndefined();
  });
});

describe('PriceListOnDemandPriceSource', () => {
  it('asks for Linux, shared tenancy, no software, used capacity in the region, and follows pages', async () => {
    pricing
      .on(GetProductsCommand)
      .resolvesOnce({
        FormatVersion: 'aws_v1',
        PriceList: [product('m7i.large', '0.1008000000', 'A1'), product('t3.micro', '0.0104000000', 'A2')],
        NextToken: 'page-2',
      })
      .resolvesOnce({ FormatVersion: 'aws_v1', PriceList: [product('g5.xlarge', '1.0060000000', 'A3')] });
    const source = new PriceListOnDemandPriceSource(new PricingClient({ region: 'us-east-1' }));
    const list = await source.fetchRegionPrices('us-east-1');
    expect(list).toEqual({
      region: 'us-east-1',
      usd_per_hour: { 'm7i.large': 0.1008, 't3.micro': 0.0104, 'g5.xlarge': 1.006 },
      published_at: '2026-11-01T00:00:00Z',
    });
    const calls = pricing.commandCalls(GetProductsCommand);
    expect(calls).toHaveLength(2);
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
