import { describe, expect, it } from 'vitest';
import { buildParallelClusterConfig } from '../../../source/core/hpc/buildParallelClusterConfig.js';
import { TAG } from '../../../source/core/ports.js';
import { openDemoSession } from '../demoSession.js';

describe('HPC clusters on the dashboard (demo account)', () => {
  it('lists a cluster with its state, nodes up per queue and $/h, and stop stops its compute fleet', async () => {
    const session = await openDemoSession();
    const hpc = session.account.hpc;
    const region = session.info.region;
    const template = await session.resolveTemplate('slurm-small');
    const config = buildParallelClusterConfig({ template, region, subnet_id: 'subnet-0abc1234', tags: {} });
    await hpc.installProvider(region);
    await hpc.createCluster({
      region,
      name: 'lab',
      config,
      tags: { [TAG.template]: 'slurm-small', [TAG.researchUser]: 'alice' },
    });

    const rows = await session.listWorkstations();
    const row = rows.find((r) => r.kind === 'hpc-cluster');
    expect(row).toMatchObject({
      name: 'lab',
      kind: 'hpc-cluster',
      template: 'slurm-small',
      research_user: 'alice',
      state: 'running',
      instance_type: config.HeadNode.InstanceType,
    });
    for (const queue of config.Scheduling.SlurmQueues) expect(row?.progress).toContain(`${queue.Name} `);
    expect(row?.progress).toMatch(/\d+ up/);
    expect(row?.hourly_cost).toBeGreaterThan(0);

    await session.stopWorkstation(row!, { hibernate: false });
    const stopped = await session.refreshWorkstation(row!);
    expect(['stopping', 'stopped']).toContain(stopped?.state);
    expect((await hpc.describeCluster(region, 'lab'))?.compute_fleet).not.toBe('RUNNING');
  });
});
