import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '../../../source/app/session/Session.js';
import { createSparkApplication } from '../../../source/core/bigdata/createSparkApplication.js';
import { submitJobRun } from '../../../source/core/bigdata/submitJobRun.js';
import { KEYS, type RenderedTui } from '../../app/fakeTerminal.js';
import { EXAMPLE_SPARK_SCRIPT } from '../../core/bigdata/exampleSparkScript.js';
import { openSessionPage } from '../openSessionPage.js';
import { demoBigDataSession } from './demoBigDataSession.js';

let tui: RenderedTui | undefined;
afterEach(() => {
  tui?.unmount();
  tui = undefined;
});

/** A demo session with an application `etl`: one run finished, a newer one running, on a clock the test moves. */
async function sessionWithRuns(): Promise<Session> {
  const { session, context, advance } = await demoBigDataSession();
  await createSparkApplication(context, {
    template: await session.resolveTemplate('spark-serverless'),
    name: 'etl',
    region: 'us-east-1',
    client_token: 'ui-test',
  });
  const submit = () =>
    submitJobRun(context, {
      application: 'etl',
      regions: ['us-east-1'],
      entry: EXAMPLE_SPARK_SCRIPT,
      args: ['s3://lab-data/raw/', 's3://lab-data/curated/'],
      conf: [],
      data_buckets: ['lab-data'],
    });
  advance(60_000);
  await submit();
  advance(3_600_000);
  await submit();
  advance(40_000);
  return session;
}

describe('the big data page', () => {
  it('shows the application with capacity and $/h, its runs with cost, tails a log and cancels a run after confirmation', async () => {
    const session = await sessionWithRuns();
    tui = await openSessionPage(session, 'bigdata');
    await tui.waitFor('32 vCPU/128 GB');
    expect(tui.lastFrame()).toMatch(/etl +STARTED +32 vCPU\/128 GB +\$\d+\.\d{3}/);

    await tui.type(KEYS.enter);
    await tui.waitFor('SUCCESS');
    expect(tui.lastFrame()).toMatch(/etl_csv_to_parquet-\S+ +RUNNING +\d+s +-/);
    expect(tui.lastFrame()).toMatch(/etl_csv_to_parquet-\S+ +SUCCESS +\d+m\d\ds +\$0\.\d{3}/);

    await tui.type(KEYS.down);
    await tui.type('l');
    await tui.waitFor('wrote 42 rows as Parquet');

    await tui.type(KEYS.up);
    await tui.type('x');
    await tui.waitFor('Type etl to confirm');
    await tui.type('et');
    await tui.type(KEYS.enter);
    await tui.waitFor('That is not "etl"');
    expect(tui.lastFrame()).not.toContain('cancelling');
    await tui.type('l');
    await tui.type(KEYS.enter);
    await tui.waitFor('cancelling');
    await tui.waitFor(/CANCEL(LING|LED)/);
  });
});
