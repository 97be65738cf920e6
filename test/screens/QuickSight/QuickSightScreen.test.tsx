import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../source/app/App.js';
import { createTheme } from '../../../source/app/theme.js';
import { openDemoSession, tempEnv } from '../../app/demoSession.js';
import { KEYS, type RenderedTui, renderTui } from '../../app/fakeTerminal.js';

let tui: RenderedTui | undefined;
afterEach(() => {
  tui?.unmount();
  tui = undefined;
});

let written: string[] = [];

async function openQuickSight(env: NodeJS.ProcessEnv): Promise<RenderedTui> {
  const session = await openDemoSession(env);
  written = [];
  tui = renderTui(
    <App
      openSession={() => Promise.resolve(session)}
      theme={createTheme(false)}
      refreshMs={60_000}
      writeToTerminal={(sequence) => written.push(sequence)}
      env={{}}
    />,
    { columns: 120, rows: 32 },
  );
  await tui.waitFor('Dashboard');
  await tui.type(':');
  await tui.waitFor(':dashboard');
  await tui.type(`quicksight${KEYS.enter}`);
  return tui;
}

describe('the QuickSight page', () => {
  it('says honestly that the account is not subscribed, with what enabling it costs', async () => {
    const screen = await openQuickSight(tempEnv());
    await screen.waitFor(
      /QuickSight is not subscribed in this account\. Enabling it costs: Enterprise edition: \$24/,
    );
  });

  it('lists dashboards and users with their monthly cost, and copies a dashboard link with Enter', async () => {
    const env = tempEnv();
    mkdirSync(env.CWS_STATE_DIR ?? '', { recursive: true });
    writeFileSync(join(env.CWS_STATE_DIR ?? '', 'demo-quicksight-on'), '');
    const screen = await openQuickSight(env);
    await screen.waitFor(/QuickSight enterprise, active \(cws-demo-lab\) · 3 users · \$30\.00 per month/);
    await screen.waitFor(/cws-lab-spend\s+Lab spend by project and service/);
    await screen.type(KEYS.enter);
    await screen.waitFor(
      /Copied: https:\/\/us-east-1\.quicksight\.aws\.amazon\.com\/embed\/demo\/dashboards\/cws-lab-spend/,
    );
    expect(written.some((sequence) => sequence.startsWith('\u001B]52;c;'))).toBe(true);
    await screen.type(KEYS.tab);
    const users = await screen.waitFor(/demo-researcher\s+author\s+\$24\.00/);
    expect(users).toMatch(/ana\s+reader\s+\$3\.00/);
  });
});
