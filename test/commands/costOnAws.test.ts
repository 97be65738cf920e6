import { DescribeInstancesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { DescribeFileSystemsCommand, EFSClient } from '@aws-sdk/client-efs';
import { GetProductsCommand, PricingClient } from '@aws-sdk/client-pricing';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { openSession } from '../../source/app/session/openSession.js';
import { runCostCommand } from '../../source/commands/costCommand.js';
import { ConfigStore } from '../../source/core/config/ConfigStore.js';
import { roundUsdPerHour } from '../../source/core/cost/formatUsd.js';
import { snapshotPriceCatalog } from '../../source/core/cost/priceTable.js';
import { ec2Instance } from '../aws/ec2Fixtures.js';
import { runCommand, testEnvironment } from './commandHarness.js';

const ec2 = mockClient(EC2Client);
const efs = mockClient(EFSClient);
const pricing = mockClient(PricingClient);
afterEach(() => {
  ec2.reset();
  efs.reset();
  pricing.reset();
});

const LIVE_M7I_LARGE = 0.1;
const GP3 = snapshotPriceCatalog.storageMonthly('gp3', 'us-east-1')?.usd_per_gb_month ?? Number.NaN;

function priceListProduct(instanceType: string, usd: number): string {
  return JSON.stringify({
    product: { attributes: { instanceType, regionCode: 'us-east-1' } },
    terms: {
      OnDemand: {
        term: {
          effectiveDate: '2026-11-01T00:00:00Z',
          priceDimensions: { dimension: { unit: 'Hrs', pricePerUnit: { USD: String(usd) } } },
        },
      },
    },
  });
}

/** An AWS profile (mocked clients: nothing leaves the machine) with a 10% EC2 discount. */
function awsEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...testEnvironment(),
    AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'secret',
  };
  ConfigStore.open(String(env.CWS_CONFIG_DIR)).addProfile({
    name: 'lab',
    aws_profile: 'lab',
    region: 'us-east-1',
    policy: {},
    policy_chain: [],
    discounts: { ec2: 10 },
    kind: 'personal',
    role: 'member',
    can_invite: false,
    created_at: '2026-11-01T00:00:00Z',
  });
  ec2.on(DescribeInstancesCommand).resolves({ Reservations: [{ Instances: [ec2Instance()] }] });
  efs.on(DescribeFileSystemsCommand).resolves({ FileSystems: [] });
  pricing.on(GetProductsCommand).resolves({ PriceList: [priceListProduct('m7i.large', LIVE_M7I_LARGE)] });
  return env;
}

describe('cost on AWS', () => {
  it('does not touch the Price List API when the session opens', async () => {
    const session = await openSession({ env: awsEnvironment(), demo: false });
    expect(session.info.account_kind).toBe('aws');
    expect(pricing.calls()).toHaveLength(0);
  });

  it('reports with the live, discounted price; the dashboard moves to it too', async () => {
    const env = awsEnvironment();
    const outcome = await runCommand(runCostCommand, [], env, { json: true });
    const expected = LIVE_M7I_LARGE * 0.9 + (50 * GP3) / 730;
    const report = JSON.parse(outcome.stdout) as { burn_rate_per_hour: number; billed: unknown };
    expect(report.burn_rate_per_hour).toBe(roundUsdPerHour(expected));
    expect(report.billed).toBeNull();
    expect(pricing.commandCalls(GetProductsCommand).length).toBeGreaterThan(0);

    // A second session starts on the snapshot and moves to the cached live prices (no API call).
    pricing.resetHistory();
    const session = await openSession({ env, demo: false });
    const snapshot = snapshotPriceCatalog.instanceHourly('m7i.large', 'us-east-1')?.usd_per_hour ?? 0;
    expect(snapshot).not.toBe(LIVE_M7I_LARGE);
    const before = (await session.listWorkstations()).find((row) => row.kind === 'ec2');
    expect(before?.hourly_cost).toBeCloseTo(snapshot * 0.9 + (50 * GP3) / 730, 10);
    await session.costReport({ fireAlerts: false, waitForLivePrices: true });
    const rows = await session.listWorkstations();
    expect(rows.find((row) => row.kind === 'ec2')?.hourly_cost).toBeCloseTo(expected, 10);
    expect(pricing.calls()).toHaveLength(0);
  });
});
