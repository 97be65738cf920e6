import { describe, expect, it } from 'vitest';
import { bigDataContextOf } from '../../../source/commands/bigdataSession.js';
import { createEmrCluster } from '../../../source/core/bigdata/createEmrCluster.js';
import { createSparkApplication } from '../../../source/core/bigdata/createSparkApplication.js';
import { openDemoSession } from '../demoSession.js';

describe('Spark applications and EMR clusters on the dashboard (demo account)', () => {
  it('lists both with state, template and $/h; stop stops an application, terminate ends a cluster', async () => {
    const session = await openDemoSession();
    // Members act on their own rows only: these belong to the session's research user.
    const context = { ...bigDataContextOf(session), research_user: 'alice' };
    const region = session.info.region;
    await createSparkApplication(context, {
      template: await session.resolveTemplate('spark-serverless'),
      name: 'etl',
      region,
      client_token: 'dashboard-test',
    });
    await createEmrCluster(context, {
      template: await session.resolveTemplate('emr-spark-cluster'),
      name: 'hadoop',
      region,
    });

    const rows = await session.listWorkstations();
    const application = rows.find((r) => r.kind === 'emr-application');
    expect(application).toMatchObject({
      name: 'etl',
      template: 'spark-serverless',
      instance_type: '32 vCPU max',
    });
    const cluster = rows.find((r) => r.kind === 'emr-cluster');
    expect(cluster).toMatchObject({
      name: 'hadoop',
      template: 'emr-spark-cluster',
      state: 'running',
      instance_type: 'm6g.xlarge',
    });
    expect(cluster?.progress).toMatch(/^WAITING, 3 nodes up$/);
    expect(cluster?.hourly_cost).toBeGreaterThan(0);

    await expect(session.stopWorkstation(cluster!, { hibernate: false })).rejects.toMatchObject({
      message: expect.stringContaining('An EMR cluster cannot stop'),
    });
    await session.startWorkstation(application!);
    await session.stopWorkstation((await session.refreshWorkstation(application!))!, { hibernate: false });
    expect(['stopping', 'stopped']).toContain((await session.refreshWorkstation(application!))?.state);

    await session.terminateWorkstation(cluster!);
    const after = await session.listWorkstations();
    expect(after.find((r) => r.kind === 'emr-cluster')).toBeUndefined();
  });
});
