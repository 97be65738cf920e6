import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '../../../source/app/session/Session.js';
import { addClusterStep } from '../../../source/core/bigdata/addClusterStep.js';
import { createEmrCluster } from '../../../source/core/bigdata/createEmrCluster.js';
import { KEYS, type RenderedTui } from '../../app/fakeTerminal.js';
import { EXAMPLE_SPARK_SCRIPT } from '../../core/bigdata/exampleSparkScript.js';
import { openSessionPage } from '../openSessionPage.js';
import { demoBigDataSession } from './demoBigDataSession.js';

let tui: RenderedTui | undefined;
afterEach(() => {
  tui?.unmount();
  tui = undefined;
});

/** A demo session with a ready cluster `hadoop` running one step, on a clock the test moves. */
async function sessionWithCluster(): Promise<Session> {
  const { session, context, advance } = await demoBigDataSession();
  await createEmrCluster(context, {
    template: await session.resolveTemplate('emr-spark-cluster'),
    name: 'hadoop',
    region: 'us-east-1',
    data_buckets: ['lab-data'],
  });
  advance(500_000);
  await addClusterStep(context, {
    cluster: 'hadoop',
    regions: ['us-east-1'],
    entry: EXAMPLE_SPARK_SCRIPT,
    args: ['s3://lab-data/raw/', 's3://lab-data/curated/'],
    conf: [],
  });
  advance(20_000);
  return session;
}

describe('the big data page, clusters', () => {
  it('shows the cluster with nodes up and $/h, its running step, and terminates it after its name is typed', async () => {
    const session = await sessionWithCluster();
    tui = await openSessionPage(session, 'bigdata');
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
