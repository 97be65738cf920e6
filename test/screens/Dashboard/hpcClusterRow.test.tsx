import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../source/app/App.js';
import { createTheme } from '../../../source/app/theme.js';
import { buildParallelClusterConfig } from '../../../source/core/hpc/buildParallelClusterConfig.js';
import { TAG } from '../../../source/core/ports.js';
import { openDemoSession, seedWorkstation } from '../../app/demoSession.js';
import { KEYS, type RenderedTui, renderTui } from '../../app/fakeTerminal.js';

let tui: RenderedTui | undefined;
afterEach(() => {
  tui?.unmount();
  tui = undefined;
});

describe('the dashboard on the demo account', () => {
  it('shows an HPC cluster as a row with its state, template, nodes up per queue and $/h', async () => {
    const session = await openDemoSession();
    const region = session.info.region;
    const template = await session.resolveTemplate('slurm-small');
    await session.account.hpc.installProvider(region);
    await session.account.hpc.createCluster({
      region,
      name: 'hpclab',
      config: buildParallelClusterConfig({ template, region, subnet_id: 'subnet-0abc1234', tags: {} }),
      tags: { [TAG.template]: 'slurm-small', [TAG.researchUser]: 'alice' },
    });
    tui = renderTui(
      <App openSession={() => Promise.resolve(session)} theme={createTheme(false)} refreshMs={60_000} />,
      { columns: 200, rows: 30 },
    );
    await tui.waitFor('hpclab');
    const line = tui
      .lastFrame()
      .split('\n')
      .find((l) => l.includes('hpclab'));
    expect(line).toMatch(/hpclab/);
    expect(line).toContain('slurm-small');
    // The state column carries the nodes up per queue; $/h is the head node's while no job runs.
    expect(line).toMatch(
      /hpclab +slurm-small +t3\.medium +us-east-1 +running:cpu 0 up +\S+ +\$0\.0\d{3} +alice/,
    );
  });

  it('deletes a cluster marked with a workstation only once the cluster name is typed, not the count', async () => {
    const session = await openDemoSession();
    const region = session.info.region;
    const template = await session.resolveTemplate('slurm-small');
    await session.account.hpc.installProvider(region);
    await session.account.hpc.createCluster({
      region,
      name: 'hpclab',
      config: buildParallelClusterConfig({ template, region, subnet_id: 'subnet-0abc1234', tags: {} }),
      tags: { [TAG.template]: 'slurm-small', [TAG.researchUser]: 'alice' },
    });
    await seedWorkstation(session, 'box');
    tui = renderTui(
      <App openSession={() => Promise.resolve(session)} theme={createTheme(false)} refreshMs={60_000} />,
      { columns: 200, rows: 30 },
    );
    await tui.waitFor('hpclab');
    await tui.waitFor('box');
    await tui.type(' ');
    await tui.type('j');
    await tui.type(' ');
    await tui.type(KEYS.ctrlD);
    let frame = await tui.waitFor('Type hpclab to confirm');
    expect(frame).toContain('Terminate 2 workstations?');
    expect(frame).toContain('Deleting a cluster deletes its head and compute nodes');
    await tui.type(`2 workstations${KEYS.enter}`);
    frame = await tui.waitFor('That is not "hpclab"');
    expect((await session.account.hpc.describeCluster(region, 'hpclab'))?.status).toBe('CREATE_COMPLETE');
    await tui.type(KEYS.esc, 80);
    await tui.type(KEYS.ctrlD);
    await tui.waitFor('Type hpclab to confirm');
    await tui.type(`hpclab${KEYS.enter}`);
    await tui.waitFor(/Terminating 2 workstations|Terminated/);
    for (let tries = 0; tries < 200; tries++) {
      const cluster = await session.account.hpc.describeCluster(region, 'hpclab');
      if (!cluster || cluster.status.startsWith('DELETE')) break;
      await tui.type('', 10);
    }
    const cluster = await session.account.hpc.describeCluster(region, 'hpclab');
    expect(cluster === undefined || cluster.status.startsWith('DELETE')).toBe(true);
  });
});
