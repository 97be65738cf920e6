import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '../../../source/app/session/Session.js';
import { demoAnalytics } from '../../../source/aws/demo/analytics/demoAnalytics.js';
import { openDemoSession } from '../../app/demoSession.js';
import { KEYS, type RenderedTui } from '../../app/fakeTerminal.js';
import { openSessionPage } from '../openSessionPage.js';

let tui: RenderedTui | undefined;
afterEach(() => {
  tui?.unmount();
  tui = undefined;
});

/** A demo session with the job cws-weather-clean: one run finished, a newer one running, on a clock the test moves. */
async function sessionWithRuns(): Promise<Session> {
  const base = await openDemoSession();
  let now = Date.now() - 600_000;
  const analytics = demoAnalytics(mkdtempSync(join(tmpdir(), 'cws-databrew-ui-')), 1, () => now);
  const region = base.info.region;
  const brew = analytics.databrew;
  await brew.createDataset(region, {
    name: 'weather',
    format: 'CSV',
    s3_uri: 's3://cws-demo-lab/raw/weather.csv',
    tags: {},
  });
  await brew.ensureRecipe(region, { name: 'cws-clean', description: 'clean', steps: [], tags: {} });
  await brew.ensureJob(region, {
    name: 'cws-weather-clean',
    type: 'RECIPE',
    dataset: 'weather',
    recipe: 'cws-clean',
    output_uri: 's3://cws-demo-lab/results/databrew/cws-weather-clean/',
    role_arn: 'arn:aws:iam::000000000000:role/cws-tui/cws-tui-databrew-job',
    max_nodes: 2,
    tags: {},
  });
  await brew.startJobRun(region, 'cws-weather-clean');
  now += 300_000;
  await brew.startJobRun(region, 'cws-weather-clean');
  now += 20_000;
  return Object.create(base, { account: { value: { ...base.account, analytics } } }) as Session;
}

describe('the DataBrew page', () => {
  it('shows the jobs and their runs with state, duration, node-hours and cost, and a run’s log lines', async () => {
    const session = await sessionWithRuns();
    tui = await openSessionPage(session, 'databrew');
    await tui.waitFor('cws-weather-clean');
    expect(tui.lastFrame()).toMatch(/cws-weather-clean +RECIPE +weather +RUNNING +2 +-/);

    await tui.type(KEYS.enter);
    await tui.waitFor('SUCCEEDED');
    expect(tui.lastFrame()).toMatch(/db_[0-9a-f]{24} +RUNNING +[0-9ms]+ +- +-/);
    expect(tui.lastFrame()).toMatch(/db_[0-9a-f]{24} +SUCCEEDED +1m05s +0\.067 +\$0\.0320/);

    await tui.type(KEYS.down);
    await tui.type('l');
    await tui.waitFor('Wrote the output; job run succeeded');
    expect(tui.lastFrame()).toMatch(/Applying the recipe steps/);

    await tui.type(KEYS.tab);
    await tui.waitFor('[jobs]');
  });
});
