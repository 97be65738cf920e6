import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../source/app/App.js';
import type { Session } from '../../../source/app/session/Session.js';
import { createTheme } from '../../../source/app/theme.js';
import { DemoHpc } from '../../../source/aws/demo/DemoHpc.js';
import { buildParallelClusterConfig } from '../../../source/core/hpc/buildParallelClusterConfig.js';
import { submitJob } from '../../../source/core/hpc/submitJob.js';
import { hpcContextOf } from '../../../source/screens/Hpc/useHpcData.js';
import { openDemoSession } from '../../app/demoSession.js';
import { KEYS, type RenderedTui, renderTui } from '../../app/fakeTerminal.js';

let tui: RenderedTui | undefined;
afterEach(() => {
  tui?.unmount();
  tui = undefined;
});

/** A demo session whose clusters run on a clock the test moves, so jobs are seen running. */
async function sessionWithCluster(): Promise<{ session: Session; advance: (seconds: number) => void }> {
  const base = await openDemoSession();
  let now = Date.now();
  const hpc = new DemoHpc({ stateDir: mkdtempSync(join(tmpdir(), 'cws-hpc-ui-')), speed: 1, now: () => now });
  const session = Object.create(base, { account: { value: { ...base.account, hpc } } }) as Session;
  const template = await session.resolveTemplate('slurm-small');
  await hpc.installProvider('us-east-1');
  await hpc.createCluster({
    region: 'us-east-1',
    name: 'lab',
    config: buildParallelClusterConfig({
      template,
      region: 'us-east-1',
      subnet_id: 'subnet-0abc1234',
      tags: {},
    }),
    tags: {},
  });
  now += 121_000;
  const cluster = (await hpc.describeCluster('us-east-1', 'lab'))!;
  const script = new TextEncoder().encode(
    '#!/bin/bash\n#SBATCH --job-name=sweep\n#SBATCH --array=1-3\necho hi\n',
  );
  await submitJob(hpcContextOf(session), cluster, {
    file_name: 'sweep.sbatch',
    content: script,
    sbatch_args: [],
  });
  now += 61_000;
  return { session, advance: (seconds) => (now += seconds * 1000) };
}

describe('the HPC page', () => {
  it('shows the cluster with nodes up and $/h, its queues, live jobs, cancels one and shows its output', async () => {
    const { session } = await sessionWithCluster();
    tui = renderTui(
      <App openSession={() => Promise.resolve(session)} theme={createTheme(false)} refreshMs={60_000} />,
      { columns: 100, rows: 30 },
    );
    await tui.waitFor('Dashboard');
    await tui.type(':');
    await tui.type(`hpc${KEYS.enter}`);
    await tui.waitFor('CREATE_COMPLETE');
    expect(tui.lastFrame()).toMatch(/lab +CREATE_COMPLETE +RUNNING +3 +\$0\.\d{3}/);

    await tui.type(KEYS.enter);
    await tui.waitFor('c6i.xlarge');
    expect(tui.lastFrame()).toMatch(/cpu +c6i\.xlarge +0 +3 +0 +5 +0 +8/);

    await tui.type('3');
    await tui.waitFor('1_3');
    expect(tui.lastFrame()).toMatch(/1_1 +alice +RUNNING +cpu +1 +cpu-dy-c6i-\d/);
    await tui.type(KEYS.enter);
    await tui.waitFor('task 1 of job 1');

    await tui.type(KEYS.down);
    await tui.type(KEYS.down);
    await tui.type('x');
    await tui.waitFor('cancelled 1_3');
    await tui.waitFor(/^(?![\s\S]*1_3 +alice)/);

    await tui.type('4');
    await tui.waitFor('CANCELLED');
    expect(tui.lastFrame()).toMatch(/1_3 .*CANCELLED/);
  });
});
