import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CostExplorerClient, GetCostAndUsageCommand } from '@aws-sdk/client-cost-explorer';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { CostExplorerBilledSpendSource } from '../../../source/aws/costExplorer/CostExplorerBilledSpendSource.js';
import { CloudError } from '../../../source/core/CloudError.js';
import { loadBilledSpend } from '../../../source/core/cost/loadBilledSpend.js';

const ce = mockClient(CostExplorerClient);
afterEach(() => ce.reset());

const query = { start: '2026-11-01', end: '2026-11-04', tag_key: 'cws:managed', tag_value: 'true' };

function day(start: string, end: string, amount: string, estimated: boolean, amortized = amount) {
  return {
    TimePeriod: { Start: start, End: end },
    Total: {
      UnblendedCost: { Amount: amount, Unit: 'USD' },
      AmortizedCost: { Amount: amortized, Unit: 'USD' },
    },
    Groups: [],
    Estimated: estimated,
  };
}

const awsError = (name: string, message: string) =>
  Object.assign(new Error(message), { name, $fault: 'client' });

describe('CostExplorerBilledSpendSource', () => {
  const now = new Date('2026-11-20T12:00:00Z');
  const source = new CostExplorerBilledSpendSource(
    new CostExplorerClient({ region: 'us-east-1' }),
    () => now,
  );

  it('sums daily unblended cost filtered by the cost-allocation tag, across pages', async () => {
    ce.on(GetCostAndUsageCommand)
      .resolvesOnce({
        GroupDefinitions: [],
        ResultsByTime: [
          day('2026-11-01', '2026-11-02', '4.1234567', false),
          day('2026-11-02', '2026-11-03', '3.5', false, '4.5'),
        ],
        DimensionValueAttributes: [],
        NextPageToken: 'next',
      })
      .resolvesOnce({ ResultsByTime: [day('2026-11-03', '2026-11-04', '1.25', true)] });
    const spend = await source.fetchBilledSpend(query);
    expect(spend.amount).toBeCloseTo(8.8734567, 9);
    expect(spend.amortized_amount).toBeCloseTo(9.8734567, 9);
    expect(spend.currency).toBe('USD');
    expect(spend.days).toEqual([
      { date: '2026-11-01', amount: 4.1234567, amortized_amount: 4.1234567, estimated: false },
      { date: '2026-11-02', amount: 3.5, amortized_amount: 4.5, estimated: false },
      { date: '2026-11-03', amount: 1.25, amortized_amount: 1.25, estimated: true },
    ]);
    const calls = ce.commandCalls(GetCostAndUsageCommand);
    expect(calls[0]!.args[0].input).toEqual({
      TimePeriod: { Start: '2026-11-01', End: '2026-11-04' },
      Granularity: 'DAILY',
      Metrics: ['UnblendedCost', 'AmortizedCost'],
      Filter: { Tags: { Key: 'cws:managed', Values: ['true'], MatchOptions: ['EQUALS'] } },
    });
    expect(calls[1]!.args[0].input.NextPageToken).toBe('next');
  });

  it('clamps a window past the first of next month to it, the latest end Cost Explorer accepts', async () => {
    ce.on(GetCostAndUsageCommand).resolves({ ResultsByTime: [day('2026-11-19', '2026-11-20', '2', false)] });
    await source.fetchBilledSpend({ ...query, start: '2026-11-19', end: '2027-02-01' });
    expect(ce.commandCalls(GetCostAndUsageCommand)[0]!.args[0].input.TimePeriod).toEqual({
      Start: '2026-11-19',
      End: '2026-12-01',
    });
  });

  it('asks nothing for a window that starts after today: nothing is billed yet', async () => {
    const spend = await source.fetchBilledSpend({ ...query, start: '2026-12-02', end: '2026-12-10' });
    expect(spend).toEqual({ amount: 0, amortized_amount: 0, currency: 'USD', days: [] });
    expect(ce.commandCalls(GetCostAndUsageCommand)).toHaveLength(0);
  });

  it('explains AccessDeniedException and DataUnavailableException', async () => {
    ce.on(GetCostAndUsageCommand).rejects(
      awsError(
        'AccessDeniedException',
        'User: arn:aws:iam::1:user/x is not authorized to perform: ce:GetCostAndUsage',
      ),
    );
    await expect(source.fetchBilledSpend(query)).rejects.toMatchObject({
      kind: 'unauthorized',
      message: 'Not permitted: ce:GetCostAndUsage in us-east-1.',
    });
    ce.on(GetCostAndUsageCommand).rejects(awsError('DataUnavailableException', 'Data is not available.'));
    const error = await source.fetchBilledSpend(query).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(CloudError);
    expect(error).toMatchObject({
      code: 'DataUnavailableException',
      message: expect.stringMatching(/no data/),
    });
  });

  it('is called once per 6 hours through the billed spend cache', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cws-ce-'));
    try {
      ce.on(GetCostAndUsageCommand).resolves({
        ResultsByTime: [day('2026-11-01', '2026-11-02', '2.00', true)],
      });
      const cacheFile = join(dir, 'billed.json');
      const at = (time: string) => loadBilledSpend({ source, query, cacheFile, now: new Date(time) });
      const first = await at('2026-11-03T08:00:00Z');
      const second = await at('2026-11-03T12:00:00Z');
      expect(first.spend?.amount).toBe(2);
      expect(second).toMatchObject({ from_cache: true, fetched_at: '2026-11-03T08:00:00.000Z' });
      expect(ce.commandCalls(GetCostAndUsageCommand)).toHaveLength(1);
      ce.on(GetCostAndUsageCommand).rejects(awsError('DataUnavailableException', 'Data is not available.'));
      const failed = await at('2026-11-03T15:00:00Z');
      expect(failed.spend?.amount).toBe(2);
      expect(failed.error).toBe('Cost Explorer has no data for this account and period yet.');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
