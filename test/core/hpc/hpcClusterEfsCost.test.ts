import { describe, expect, it } from 'vitest';
import { HOURS_PER_MONTH } from '../../../source/core/cost/PriceQuote.js';
import { snapshotPriceCatalog } from '../../../source/core/cost/priceTable.js';
import { hpcCostContributor } from '../../../source/core/hpc/hpcCostContributor.js';
import type { HpcCluster } from '../../../source/core/hpc/ports.js';
import type { FileSystem } from '../../../source/core/ports/storage.js';
import type { CloudAccount } from '../../../source/core/ports.js';

const cluster: HpcCluster = {
  name: 'lab',
  region: 'us-east-1',
  status: 'CREATE_COMPLETE',
  made_by: 'cws-tui',
  created_at: '2026-12-01T00:00:00.000Z',
  compute_fleet: 'RUNNING',
  compute_nodes: [],
  tags: {},
  config: {
    Region: 'us-east-1',
    Image: { Os: 'alinux2023' },
    HeadNode: {
      InstanceType: 't3.medium',
      Networking: { SubnetId: 'subnet-0abc1234' },
      Iam: { AdditionalIamPolicies: [] },
    },
    Scheduling: {
      Scheduler: 'slurm',
      SlurmSettings: { ScaledownIdletime: 10, QueueUpdateStrategy: 'DRAIN' },
      SlurmQueues: [],
    },
    // No FileSystemId: ParallelCluster makes this EFS itself.
    SharedStorage: [{ MountDir: '/shared', Name: 'shared', StorageType: 'Efs' }],
  },
};

const fileSystem = (id: string, tags: Record<string, string>, gib = 100): FileSystem => ({
  id,
  name: id,
  region: 'us-east-1',
  state: 'available',
  size_bytes: gib * 1024 ** 3,
  created_at: '2026-12-01T00:05:00.000Z',
  tags,
});

function account(fileSystems: FileSystem[]): CloudAccount {
  return {
    hpc: { listClusters: async () => [cluster] },
    storage: { listFileSystems: async () => fileSystems },
  } as unknown as CloudAccount;
}

describe('the HPC cost contributor and the EFS ParallelCluster makes', () => {
  it('counts the cluster-made EFS at its size, billed from its creation, stopped or not', async () => {
    const costs = await hpcCostContributor.list(
      account([
        fileSystem('fs-0aaa', { 'parallelcluster:cluster-name': 'lab' }),
        // Another cluster's, and one the app made (counted with the app's file systems): not here.
        fileSystem('fs-0bbb', { 'parallelcluster:cluster-name': 'other' }),
        fileSystem('fs-0ccc', { 'parallelcluster:cluster-name': 'lab', 'cws:managed': 'true' }),
      ]),
      ['us-east-1'],
    );
    const efs = costs.resources.filter((resource) => resource.id.startsWith('fs-'));
    const perGbMonth =
      snapshotPriceCatalog.storageMonthly('efs', 'us-east-1')?.usd_per_gb_month ?? Number.NaN;
    expect(efs).toHaveLength(1);
    expect(efs[0]).toMatchObject({
      kind: 'metered',
      service: 'ParallelCluster',
      id: 'fs-0aaa',
      name: 'lab EFS fs-0aaa (100.0 GB)',
      transitions: [{ at: '2026-12-01T00:05:00.000Z', state: 'running' }],
    });
    expect(efs[0]?.usd_per_hour).toBeCloseTo((100 * perGbMonth) / HOURS_PER_MONTH, 10);
    expect(efs[0]?.usd_per_hour_stopped).toBe(efs[0]?.usd_per_hour);
    expect(perGbMonth).toBeGreaterThan(0);
  });
});
