import { type _InstanceType, DescribeSpotPriceHistoryCommand, EC2Client } from '@aws-sdk/client-ec2';
import type { PriceQuote } from '../../core/cost/PriceQuote.js';
import type { SpotPriceSource } from '../../core/cost/SpotPriceSource.js';
import { type AwsSessionOptions, awsClientConfig } from '../awsClientConfig.js';
import { callAws } from '../callAws.js';
import { guardAwsReplies } from '../guardAwsReplies.js';
import { perRegion } from '../perRegion.js';

/**
 * Current spot prices from EC2 DescribeSpotPriceHistory: with a start time of now, EC2 returns the
 * price in force in each availability zone.
 */
export class Ec2SpotPriceSource implements SpotPriceSource {
  private readonly clientFor: (region: string) => EC2Client;
  private readonly now: () => Date;

  constructor(clientFor: (region: string) => EC2Client, now: () => Date = () => new Date()) {
    this.clientFor = clientFor;
    this.now = now;
  }

  async currentSpotPrice(
    instanceType: string,
    region: string,
    availabilityZone?: string,
  ): Promise<PriceQuote | undefined> {
    const now = this.now();
    const output = await callAws({ action: 'ec2:DescribeSpotPriceHistory', region }, () =>
      this.clientFor(region).send(
        new DescribeSpotPriceHistoryCommand({
          InstanceTypes: [instanceType as _InstanceType],
          ProductDescriptions: ['Linux/UNIX'],
          StartTime: now,
          ...(availabilityZone ? { AvailabilityZone: availabilityZone } : {}),
        }),
      ),
    );
    let best: { usd: number; zone: string; at: string } | undefined;
    for (const entry of output.SpotPriceHistory ?? []) {
      const usd = Number(entry.SpotPrice);
      const zone = entry.AvailabilityZone ?? '';
      if (!Number.isFinite(usd) || usd <= 0) continue;
      if (availabilityZone && zone !== availabilityZone) continue;
      if (!best || usd < best.usd) {
        best = { usd, zone, at: (entry.Timestamp ?? now).toISOString() };
      }
    }
    if (!best) return undefined;
    return {
      usd_per_hour: best.usd,
      source: 'spot',
      as_of: best.at,
      note: availabilityZone
        ? `spot price in ${best.zone}; it changes with demand`
        : `lowest spot price in ${region} (${best.zone}); it changes with demand`,
    };
  }
}

/** A spot price source with one EC2 client per region, made on first use. */
export function createEc2SpotPriceSource(session: AwsSessionOptions = {}): Ec2SpotPriceSource {
  const config = awsClientConfig(session);
  return new Ec2SpotPriceSource(perRegion((region) => guardAwsReplies(new EC2Client({ ...config, region }))));
}
