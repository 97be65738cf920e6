import { DescribeSpotPriceHistoryCommand, EC2Client } from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { Ec2SpotPriceSource } from '../../../source/aws/pricing/Ec2SpotPriceSource.js';

const ec2 = mockClient(EC2Client);
afterEach(() => ec2.reset());

const now = new Date('2026-11-20T10:00:00Z');
const history = {
  SpotPriceHistory: [
    {
      AvailabilityZone: 'us-east-1a',
      InstanceType: 'g5.xlarge' as const,
      ProductDescription: 'Linux/UNIX' as const,
      SpotPrice: '0.452100',
      Timestamp: new Date('2026-11-20T09:12:00Z'),
    },
    {
      AvailabilityZone: 'us-east-1b',
      InstanceType: 'g5.xlarge' as const,
      ProductDescription: 'Linux/UNIX' as const,
      SpotPrice: '0.398700',
      Timestamp: new Date('2026-11-20T08:40:00Z'),
    },
  ],
};

describe('Ec2SpotPriceSource', () => {
  const source = new Ec2SpotPriceSource(
    () => new EC2Client({ region: 'us-east-1' }),
    () => now,
  );

  it('gives the lowest current Linux spot price across the zones', async () => {
    ec2.on(DescribeSpotPriceHistoryCommand).resolves(history);
    expect(await source.currentSpotPrice('g5.xlarge', 'us-east-1')).toEqual({
      usd_per_hour: 0.3987,
      source: 'spot',
      as_of: '2026-11-20T08:40:00.000Z',
      note: 'lowest spot price in us-east-1 (us-east-1b); it changes with demand',
    });
    const input = ec2.commandCalls(DescribeSpotPriceHistoryCommand)[0]!.args[0].input;
    expect(input).toMatchObject({
      InstanceTypes: ['g5.xlarge'],
      ProductDescriptions: ['Linux/UNIX'],
      StartTime: now,
    });
  });

  it('gives the price of the requested zone, or nothing when the type has no spot offering', async () => {
    ec2.on(DescribeSpotPriceHistoryCommand).resolves(history);
    expect((await source.currentSpotPrice('g5.xlarge', 'us-east-1', 'us-east-1a'))?.usd_per_hour).toBe(
      0.4521,
    );
    ec2.on(DescribeSpotPriceHistoryCommand).resolves({ SpotPriceHistory: [] });
    expect(await source.currentSpotPrice('p5.48xlarge', 'us-east-1')).toBeUndefined();
  });
});
