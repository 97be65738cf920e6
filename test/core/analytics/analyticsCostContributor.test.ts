import { describe, expect, it } from 'vitest';
import { analyticsCostContributor } from '../../../source/core/analytics/analyticsCostContributor.js';
import type { AthenaPort, AthenaQuery } from '../../../source/core/analytics/ports.js';
import { COST_CONTRIBUTORS } from '../../../source/core/cost/costContributors.js';
import type { CloudAccount } from '../../../source/core/ports.js';

const GB = 1024 ** 3;

function query(id: string, state: AthenaQuery['state'], bytes: number, at: string): AthenaQuery {
  return {
    id,
    sql: 'SELECT 1',
    workgroup: 'cws-lab',
    state,
    bytes_scanned: bytes,
    submitted_at: at,
    completed_at: at,
  };
}

const athena = {
  listWorkgroups: async (region: string) => (region === 'us-east-1' ? ['cws-lab'] : []),
  listQueries: async () => [
    query('c0ffee00-1', 'SUCCEEDED', 100 * GB, '2026-11-20T02:00:00.000Z'),
    query('c0ffee00-2', 'FAILED', 5 * GB, '2026-11-20T03:00:00.000Z'),
    query('c0ffee00-3', 'CANCELLED', 10 * GB, '2026-11-20T01:00:00.000Z'),
    query('c0ffee00-4', 'RUNNING', 1 * GB, '2026-11-20T04:00:00.000Z'),
  ],
} as unknown as AthenaPort;
// No DataBrew jobs, Glue crawls, QuickSight subscription or dev environments: only Athena's lines.
const account = {
  identity: {
    callerIdentity: async () => ({
      account: '123456789012',
      arn: 'arn:aws:iam::123456789012:user/ana',
      user_id: 'AIDA',
    }),
  },
  analytics: {
    athena,
    databrew: { listJobs: async () => [] },
    dataprep: { glue: { listCrawlCharges: async () => [] } },
    quicksight: { subscription: async () => ({ status: 'none' }) },
    codecatalyst: { listDevEnvironmentUsage: async () => [] },
  },
} as unknown as CloudAccount;

describe('the analytics cost contributor', () => {
  it('is in the one contributor list', () => {
    expect(COST_CONTRIBUTORS).toContain(analyticsCostContributor);
  });

  it("charges each finished query of the app's workgroups, cancelled ones too, failed and running ones not", async () => {
    const { resources, warnings } = await analyticsCostContributor.list(account, ['us-east-1', 'eu-west-1']);
    expect(warnings).toEqual([]);
    expect(resources).toHaveLength(1);
    expect(resources[0]).toMatchObject({
      kind: 'metered',
      service: 'Athena',
      id: 'athena:us-east-1:cws-lab',
      usd_per_hour: 0,
      transitions: [{ at: '2026-11-20T01:00:00.000Z', state: 'running' }],
    });
    expect(resources[0]?.charges).toEqual([
      {
        at: '2026-11-20T01:00:00.000Z',
        usd: (10 / 1024) * 5,
        what: 'query c0ffee00… (10.0 GiB scanned, cancelled)',
      },
      { at: '2026-11-20T02:00:00.000Z', usd: (100 / 1024) * 5, what: 'query c0ffee00… (100.0 GiB scanned)' },
    ]);
  });
});
