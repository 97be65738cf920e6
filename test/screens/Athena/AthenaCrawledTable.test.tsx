import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runDataCommand } from '../../../source/commands/dataCommand.js';
import { tempEnv } from '../../app/demoSession.js';
import type { RenderedTui } from '../../app/fakeTerminal.js';
import { runCommand } from '../../commands/commandHarness.js';
import { openDemoPage } from '../openDemoPage.js';

let tui: RenderedTui | undefined;
afterEach(() => {
  tui?.unmount();
  tui = undefined;
});

const CTRL_R = '\u0012';

describe('a crawled table on the Athena page', () => {
  it('shows the table a Glue crawl made in the catalog, and queries it', async () => {
    const env = tempEnv();
    // The machine's /etc/cws-tui/config.yaml must never decide a test.
    env.CWS_SYSTEM_CONFIG = join(env.HOME ?? '', 'system-config.yaml');
    const crawl = await runCommand(runDataCommand, ['crawl', 's3://cws-demo-lab/incoming/weather/'], env, {
      demo: true,
      yes: true,
    });
    expect(crawl.stdout).toContain('cws_crawled.weather (4 columns) at s3://cws-demo-lab/incoming/weather/');

    tui = await openDemoPage(env, 'athena', []);
    // The crawled database and its table beside the built-in samples.
    const catalog = await tui.waitFor(/cws_crawled[\s\S]*weather\b/);
    expect(catalog).toContain('cws_samples');
    // Its rows are the crawled folder's (a weather sample), priced by the bytes Athena scanned.
    await tui.type('SELECT station, tmax_c FROM cws_crawled.weather LIMIT 5');
    await tui.type(CTRL_R);
    const frame = await tui.waitFor(/5 rows · [\d.]+ MiB scanned, \$0\.0\d*[1-9]/);
    expect(frame).toMatch(/\[station\]\s+tmax_c/);
    expect(frame).toContain('USW00094728');
  });
});
