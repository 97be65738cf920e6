import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempEnv } from '../../app/demoSession.js';
import { KEYS, type RenderedTui } from '../../app/fakeTerminal.js';
import { openDemoPage } from '../openDemoPage.js';

let tui: RenderedTui | undefined;
afterEach(() => {
  tui?.unmount();
  tui = undefined;
});

let written: string[] = [];

async function openQuickSight(env: NodeJS.ProcessEnv): Promise<RenderedTui> {
  written = [];
  tui = await openDemoPage(env, 'quicksight', written);
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
