import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../source/app/App.js';
import type { Session } from '../../../source/app/session/Session.js';
import { createTheme } from '../../../source/app/theme.js';
import { createDemoBigData } from '../../../source/aws/demo/bigdata/createDemoBigData.js';
import { bigDataContextOf } from '../../../source/commands/bigdataSession.js';
import { addClusterStep } from '../../../source/core/bigdata/addClusterStep.js';
import { createEmrCluster } from '../../../source/core/bigdata/createEmrCluster.js';
import { openDemoSession } from '../../app/demoSession.js';
import { KEYS, type RenderedTui, renderTui } from '../../app/fakeTerminal.js';

const EXAMPLE = join(import.meta.dirname, '../../../templates/bigdata/etl_csv_to_parquet.py');

let tui: RenderedTui | undefined;
afterEach(() => {
  tui?.unmount();
  tui = undefined;
});

/** A demo session with a ready cluster `hadoop` running one step, on a clock the test moves. */
async function sessionWithCluster(): Promise<Session> {
  const base = await openDemoSession();
  let now = Date.now();
  const bigdata = createDemoBigData({
    stateDir: mkdtempSync(join(tmpdir(), 'cws-emr-ui-')),
    speed: 1,
    now: () => now,
  });
  const session = Object.create(base, { account: { value: { ...base.account, bigdata } } }) as Session;
  const context = bigDataContextOf(session);
  await createEmrCluster(context, {
    template: await session.resolveTemplate('emr-spark-cluster'),
    name: 'hadoop',
    region: 'us-east-1',
    data_buckets: ['lab-data'],
  });
  now += 500_000;
  await addClusterStep(context, {
    cluster: 'hadoop',
    regions: ['us-east-1'],
    entry: EXAMPLE,
    args: ['s3://lab-data/raw/', 's3://lab-data/curated/'],
    conf: [],
  });
  now += 20_000;
  return session;
}

describe('the big data page, clusters', () => {
  it('shows the cluster with nodes up and $/h, its running step, and terminates it after its name is typed', async () => {
    const session = await sessionWithCluster();
    tui = renderTui(
      <App openSession={() => Promise.resolve(session)} theme={createTheme(false)} refreshMs={60_000} />,
      { columns: 110, rows: 30 },
    );
    await tui.waitFor('Dashboard');
    await tui.type(':');
    await tui.type(`bigdata${KEYS.enter}`);
    await tui.waitFor('[applications]');
    await tui.type(KEYS.tab);
    await tui.type(KEYS.tab);
    await tui.waitFor('[clusters]');
    await tui.waitFor('hadoop');
    expect(tui.lastFrame()).toMatch(/hadoop +RUNNING +1\/1\+2\/2 +\$\d+\.\d{3} +60m/);

    await tui.type(KEYS.enter);
    await tui.waitFor('[steps of hadoop (RUNNING)]');
    expect(tui.lastFrame()).toMatch(/etl_csv_to_parquet-\S+ +RUNNING +\d+s/);
    await tui.type('l');
    await tui.waitFor('spark-submit --deploy-mode cluster');

    await tui.type(KEYS.tab);
    await tui.waitFor('[applications]');
    await tui.type(KEYS.tab);
    await tui.type(KEYS.tab);
    await tui.waitFor('[clusters]');
    await tui.type(KEYS.ctrlD);
    await tui.waitFor('Type hadoop to confirm');
    await tui.type(`hadoop${KEYS.enter}`);
    await tui.waitFor('terminating hadoop');
    await tui.waitFor(/hadoop +TERMINATING/);
  });
});
