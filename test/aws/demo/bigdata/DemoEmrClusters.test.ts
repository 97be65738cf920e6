import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDemoBigData } from '../../../../source/aws/demo/bigdata/createDemoBigData.js';
import { emrClusterSpecFixture } from '../../../core/bigdata/emrClusterSpecFixture.js';

const SPEC = emrClusterSpecFixture('hive', {
  subnet_ids: ['subnet-1'],
  log_uri: 's3://staging/bigdata/clusters/hive/',
});

function demo() {
  let now = Date.parse('2026-12-06T08:00:00Z');
  const bigdata = createDemoBigData({
    stateDir: mkdtempSync(join(tmpdir(), 'cws-emr-')),
    speed: 1,
    now: () => now,
  });
  return {
    clusters: bigdata.clusters,
    advance: (seconds: number) => (now += seconds * 1000),
    to: (at: number) => (now = at),
  };
}

describe('the demo EMR on EC2 clusters', () => {
  it('move through STARTING, BOOTSTRAPPING, RUNNING and WAITING, run steps, and end when idle', async () => {
    const { clusters, advance, to } = demo();
    const created = await clusters.createCluster(SPEC);
    expect(created).toMatchObject({ state: 'STARTING', name: 'hive', auto_termination_idle_minutes: 60 });
    expect(created.fleets.map((f) => f.provisioned_spot + f.provisioned_on_demand)).toEqual([0, 0]);
    advance(200);
    expect((await clusters.describeCluster('us-east-1', created.id)).state).toBe('BOOTSTRAPPING');
    advance(150);
    expect((await clusters.describeCluster('us-east-1', created.id)).state).toBe('RUNNING');
    advance(100);
    const ready = await clusters.describeCluster('us-east-1', created.id);
    expect(ready.state).toBe('WAITING');
    expect(ready.fleets.map((f) => f.provisioned_spot + f.provisioned_on_demand)).toEqual([1, 2]);

    const { id } = await clusters.addStep({
      region: 'us-east-1',
      cluster_id: created.id,
      name: 'etl',
      args: ['spark-submit', '--deploy-mode', 'cluster', 's3://staging/bigdata/hive/etl.py'],
    });
    expect((await clusters.listSteps('us-east-1', created.id))[0]).toMatchObject({ id, state: 'PENDING' });
    advance(15);
    expect((await clusters.describeCluster('us-east-1', created.id)).state).toBe('RUNNING');
    expect((await clusters.listSteps('us-east-1', created.id))[0]?.state).toBe('RUNNING');
    advance(600);
    // The script is not in the demo bucket: the driver fails, and the step says why.
    const [step] = await clusters.listSteps('us-east-1', created.id);
    expect(step?.state).toBe('FAILED');
    expect(step?.failure).toBeTruthy();
    expect((await clusters.describeCluster('us-east-1', created.id)).state).toBe('WAITING');

    // Idle from the step's end: 60 minutes later it terminates itself.
    to(Date.parse(step!.ended_at!) + 3600_000 - 1000);
    expect((await clusters.describeCluster('us-east-1', created.id)).state).toBe('WAITING');
    advance(2);
    const ending = await clusters.describeCluster('us-east-1', created.id);
    expect(ending.state).toBe('TERMINATING');
    expect(ending.state_details).toMatch(/auto-termination/);
    advance(60);
    const ended = await clusters.describeCluster('us-east-1', created.id);
    expect(ended.state).toBe('TERMINATED');
    expect(ended.ended_at).toBeDefined();
    expect(ended.fleets.every((f) => f.provisioned_on_demand + f.provisioned_spot === 0)).toBe(true);
    await expect(
      clusters.addStep({ region: 'us-east-1', cluster_id: created.id, name: 'late', args: [] }),
    ).rejects.toMatchObject({ code: 'ValidationException' });
  });

  it('resizes the core fleet once ready, terminates on request, and says an unknown cluster is not valid', async () => {
    const { clusters, advance } = demo();
    const created = await clusters.createCluster({ ...SPEC, auto_termination_idle_minutes: undefined });
    const core = created.fleets.find((fleet) => fleet.role === 'core')!;
    await expect(
      clusters.resizeFleet('us-east-1', created.id, core.id, { on_demand: 0, spot: 4 }),
    ).rejects.toMatchObject({ code: 'ValidationException' });
    advance(450);
    await clusters.resizeFleet('us-east-1', created.id, core.id, { on_demand: 0, spot: 4 });
    const resizing = await clusters.describeCluster('us-east-1', created.id);
    expect(resizing.fleets.find((f) => f.role === 'core')).toMatchObject({ spot: 4, provisioned_spot: 2 });
    advance(100);
    const resized = await clusters.describeCluster('us-east-1', created.id);
    expect(resized.fleets.find((f) => f.role === 'core')).toMatchObject({ spot: 4, provisioned_spot: 4 });
    await clusters.terminateCluster('us-east-1', created.id);
    expect((await clusters.describeCluster('us-east-1', created.id)).state).toBe('TERMINATING');
    advance(61);
    expect((await clusters.listClusters(['us-east-1']))[0]).toMatchObject({ state: 'TERMINATED' });
    await expect(clusters.describeCluster('us-east-1', 'j-NOPE')).rejects.toMatchObject({
      code: 'InvalidRequestException',
    });
  });
});
