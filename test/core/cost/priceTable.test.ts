import { describe, expect, it } from 'vitest';
import { listInstanceTypes } from '../../../source/core/catalog/instanceTypes.js';
import { applyDiscount, withDiscounts } from '../../../source/core/cost/discounts.js';
import {
  hourlyPrice,
  PRICE_SNAPSHOT_DATE,
  SNAPSHOT_REGIONS,
  snapshotPriceCatalog,
  storagePrice,
} from '../../../source/core/cost/priceTable.js';

describe('the shipped price snapshot', () => {
  it('is dated and labelled as an estimate', () => {
    expect(PRICE_SNAPSHOT_DATE).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const quote = hourlyPrice('t3.micro', 'us-east-1');
    expect(quote).toEqual({
      usd_per_hour: 0.0104,
      source: 'snapshot',
      as_of: PRICE_SNAPSHOT_DATE,
      note: `estimate from the price snapshot of ${PRICE_SNAPSHOT_DATE}`,
    });
  });

  it('prices every catalogued type in us-east-1 and the main research regions', () => {
    for (const info of listInstanceTypes()) {
      expect(hourlyPrice(info.name, 'us-east-1'), info.name).toBeDefined();
      expect(hourlyPrice(info.name, 'us-west-2'), info.name).toBeDefined();
    }
    expect(SNAPSHOT_REGIONS).toEqual(
      expect.arrayContaining([
        'us-east-1',
        'us-east-2',
        'us-west-2',
        'eu-west-1',
        'eu-central-1',
        'ap-southeast-2',
      ]),
    );
    for (const region of SNAPSHOT_REGIONS) {
      expect(hourlyPrice('m7i.large', region)?.usd_per_hour).toBeGreaterThan(0);
      expect(hourlyPrice('ml.t3.medium', region)?.usd_per_hour).toBeGreaterThan(0);
      for (const kind of ['gp3', 'gp2', 'io2', 'efs'] as const) {
        expect(storagePrice(kind, region)?.usd_per_gb_month, `${kind} ${region}`).toBeGreaterThan(0);
      }
    }
  });

  it('has the published us-east-1 prices and higher European ones', () => {
    expect(hourlyPrice('m7i.large', 'us-east-1')?.usd_per_hour).toBe(0.1008);
    expect(hourlyPrice('g5.xlarge', 'us-east-1')?.usd_per_hour).toBe(1.006);
    expect(storagePrice('gp3', 'us-east-1')?.usd_per_gb_month).toBe(0.08);
    expect(storagePrice('efs', 'us-east-1')?.usd_per_gb_month).toBe(0.3);
    expect(hourlyPrice('m7i.large', 'eu-central-1')!.usd_per_hour).toBeGreaterThan(0.1008);
  });

  it('has no price for types a region does not offer or regions it does not cover', () => {
    expect(hourlyPrice('p5.48xlarge', 'eu-west-1')).toBeUndefined();
    expect(hourlyPrice('m7i.large', 'sa-east-1')).toBeUndefined();
    expect(snapshotPriceCatalog.storageMonthly('gp3', 'sa-east-1')).toBeUndefined();
  });
});

describe('institutional discounts', () => {
  it('take a percentage off', () => {
    expect(applyDiscount(100, 15)).toBeCloseTo(85, 10);
    expect(applyDiscount(100, undefined)).toBe(100);
    expect(() => applyDiscount(100, 120)).toThrow(/0 to 100/);
  });

  it('apply per service wherever a price is looked up, and say so', () => {
    const discounts = { ec2: 10, sagemaker: 20, ebs: 50 };
    expect(hourlyPrice('m7i.large', 'us-east-1', { discounts })?.usd_per_hour).toBeCloseTo(0.09072, 10);
    expect(hourlyPrice('ml.t3.medium', 'us-east-1', { discounts })?.usd_per_hour).toBeCloseTo(0.04, 10);
    expect(storagePrice('gp3', 'us-east-1', { discounts })?.usd_per_gb_month).toBeCloseTo(0.04, 10);
    expect(storagePrice('efs', 'us-east-1', { discounts })?.usd_per_gb_month).toBe(0.3);
    expect(hourlyPrice('m7i.large', 'us-east-1', { discounts })?.note).toContain(
      "institution's 10% discount",
    );
  });

  it('reject a percentage outside 0..100 naming the service', () => {
    expect(() => withDiscounts(snapshotPriceCatalog, { efs: -5 })).toThrow(
      'the efs discount is a percentage',
    );
  });
});
