import { describe, expect, it } from 'vitest';
import { CostEstimateError, estimateCost } from '../../../source/core/cost/estimateCost.js';
import { snapshotPriceCatalog } from '../../../source/core/cost/priceTable.js';

describe('estimateCost', () => {
  it('gives $/hour and $/month (730 h) with the root volume included', () => {
    const estimate = estimateCost(
      { instanceType: 't3.medium', region: 'us-east-1', rootVolumeGb: 50, volumeType: 'gp3' },
      snapshotPriceCatalog,
    );
    // 0.0416/h compute + 50 GB x 0.08 = 4.00/month storage
    expect(estimate.basis).toBe('estimate');
    expect(estimate.breakdown.compute.monthly).toBeCloseTo(30.368, 9);
    expect(estimate.breakdown.storage.monthly).toBeCloseTo(4, 9);
    expect(estimate.monthly).toBeCloseTo(34.368, 9);
    expect(estimate.hourly).toBeCloseTo(0.0416 + 4 / 730, 12);
    expect(estimate.source).toBe('snapshot');
    expect(estimate.note).toMatch(/snapshot/);
  });

  it('adds EFS storage and applies discounts per service', () => {
    const estimate = estimateCost(
      {
        instanceType: 'm7i.large',
        region: 'us-east-1',
        rootVolumeGb: 100,
        volumeType: 'gp2',
        efsGb: 10,
        discounts: { ec2: 50, ebs: 0, efs: 10 },
      },
      snapshotPriceCatalog,
    );
    expect(estimate.breakdown.compute.hourly).toBeCloseTo(0.0504, 12);
    expect(estimate.breakdown.storage.monthly).toBeCloseTo(100 * 0.1 + 10 * 0.27, 9);
  });

  it('uses the spot price when given, discounted like EC2', () => {
    const estimate = estimateCost(
      {
        instanceType: 'g5.xlarge',
        region: 'us-east-1',
        rootVolumeGb: 0,
        volumeType: 'gp3',
        spot: { usd_per_hour: 0.4, source: 'spot', as_of: '2026-11-20T10:00:00Z' },
        discounts: { ec2: 25 },
      },
      snapshotPriceCatalog,
    );
    expect(estimate.source).toBe('spot');
    expect(estimate.hourly).toBeCloseTo(0.3, 12);
  });

  it('explains what cannot be priced', () => {
    expect(() =>
      estimateCost(
        { instanceType: 'p5.48xlarge', region: 'eu-west-1', rootVolumeGb: 8, volumeType: 'gp3' },
        snapshotPriceCatalog,
      ),
    ).toThrow(new CostEstimateError('no price for p5.48xlarge in eu-west-1'));
    expect(() =>
      estimateCost(
        { instanceType: 't3.micro', region: 'us-east-1', rootVolumeGb: -1, volumeType: 'gp3' },
        snapshotPriceCatalog,
      ),
    ).toThrow(/root volume size/);
  });
});
