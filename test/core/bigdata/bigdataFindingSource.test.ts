import { describe, expect, it } from 'vitest';
import { bigdataFindingSource } from '../../../source/core/bigdata/bigdataFindingSource.js';
import type { EmrCluster } from '../../../source/core/bigdata/clusterPorts.js';
import { emrClusterUsdPerHour } from '../../../source/core/bigdata/emrClusterCostResource.js';
import type { CloudAccount } from '../../../source/core/ports.js';
import { waitingCluster as cluster } from './emrClusterFixture.js';

function account(clusters: EmrCluster[]): CloudAccount {
  return {
    bigdata: {
      serverless: { listApplications: async () => [], listJobRuns: async () => [] },
      clusters: { listClusters: async () => clusters, listSteps: async () => [] },
    },
  } as unknown as CloudAccount;
}

describe('bigdataFindingSource', () => {
  it("gives the cluster rules' findings with a monthly saving for an idle cluster and the command that fixes it", async () => {
    const findings = await bigdataFindingSource.list({
      account: account([cluster, { ...cluster, id: 'j-OLD', name: 'old', state: 'TERMINATED' }]),
      regions: ['us-east-1'],
      now: new Date('2026-12-06T08:00:00Z'),
      workstations: async () => [],
    });
    const rate = emrClusterUsdPerHour(cluster).usd_per_hour!;
    expect(findings).toEqual([
      expect.objectContaining({
        service: 'EMR',
        resource: 'hadoop (j-2AXXXXXXGAPLF)',
        kind: 'no-auto-termination',
        fix: expect.stringContaining('auto_termination_idle_minutes'),
      }),
      expect.objectContaining({
        kind: 'idle-cluster',
        monthly_saving_usd: Math.round(rate * 730 * 100) / 100,
        fix: 'cws-tui bigdata cluster terminate hadoop --yes',
      }),
      expect.objectContaining({ kind: 'on-demand-core' }),
    ]);
    // A rule that cannot price its saving says so by leaving it out, never by a zero.
    expect(findings[0]).not.toHaveProperty('monthly_saving_usd');
  });
});
