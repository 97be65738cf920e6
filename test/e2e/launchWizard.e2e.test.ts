import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoAccount } from '../../source/aws/demo/createDemoAccount.js';
import { appCommand, shellQuote, TmuxSession, tmuxAvailable } from './tmuxSession.js';

/**
 * Drives the built app in a real terminal (tmux, 120x40) on an empty demo account: a workstation is
 * launched THROUGH THE WIZARD (template, size, storage, name, review), reaches running, is stopped,
 * terminated after typing its name, and q quits cleanly.
 */
describe.skipIf(!tmuxAvailable())('the launch wizard in the built app in tmux', () => {
  let root: string;
  let tmux: TmuxSession | undefined;

  beforeAll(() => {
    appCommand();
    root = mkdtempSync(join(tmpdir(), 'cws-e2e-wizard-'));
    for (const dir of ['config', 'state']) mkdirSync(join(root, dir));
  });

  afterAll(() => tmux?.kill());

  it('launches through the wizard, watches it run, stops, terminates and quits', async () => {
    const env = {
      HOME: root,
      CWS_CONFIG_DIR: join(root, 'config'),
      CWS_STATE_DIR: join(root, 'state'),
      CWS_DEMO_SPEED: '0',
      AWS_EC2_METADATA_DISABLED: 'true',
      TERM: 'xterm-256color',
    };
    const assignments = Object.entries(env)
      .map(([key, value]) => `${key}=${shellQuote(value)}`)
      .join(' ');
    const command = `env -u CI ${assignments} ${appCommand()} --demo --refresh 1; echo "EXITED:$?"; sleep 600`;
    const session = new TmuxSession(command, { columns: 120, rows: 40 });
    tmux = session;

    await session.waitFor('0 workstations');
    session.type(':launch');
    session.sendKeys('Enter');
    await session.waitFor('step 1 of 5: Template');
    session.type('/python-ml');
    session.sendKeys('Enter');
    // The first Enter closes the filter; choose only once it has.
    await session.waitFor('(/ edit · Esc clear)');
    await session.waitFor(/> python-ml /);
    session.sendKeys('Enter');
    await session.waitFor(/> S +t3\.large +2 vCPU · 8 GiB +\$0\.0832\/h/);
    session.sendKeys('Enter');
    await session.waitFor('Root volume (GB)');
    session.sendKeys('Enter');
    await session.waitFor('Name and options');
    // Clear the suggested name and type one of our own.
    for (let n = 0; n < 'python-ml-1'.length; n++) session.sendKeys('BSpace');
    session.type('wizard-1');
    await session.waitFor(/> Name +wizard-1/);
    session.sendKeys('Enter');
    const review = await session.waitFor('Enter launches');
    expect(review).toMatch(/Verdict +allowed/);
    expect(review).toMatch(/Price +\$0\.\d{4}\/h · \$[\d,]+\.\d\d\/month/);
    expect(review).toContain('User data');

    session.sendKeys('Enter');
    const launched = await session.waitFor('wizard-1 is running', 30_000);
    expect(launched).toMatch(/✓ Run instance +i-[0-9a-f]+/);
    expect(launched).toMatch(/✓ Wait until running/);

    session.sendKeys('Enter');
    await session.waitFor(/> wizard-1 .*\brun(ning)?\b/);
    session.sendKeys('S');
    await session.waitFor(/> wizard-1 .*\bstop(ped)?\b/);
    session.sendKeys('C-d');
    await session.waitFor('Type wizard-1 to confirm');
    session.type('wizard-1');
    session.sendKeys('Enter');
    await session.waitFor(/> wizard-1 .*terminated/);

    session.sendKeys('q');
    const after = await session.waitFor('EXITED:0');
    expect(after).not.toContain('NAME');

    const account = createDemoAccount({ stateDir: join(root, 'state'), env: { CWS_DEMO_SPEED: '0' } });
    const { items } = await account.compute.listInstances({ regions: [account.defaultRegion] });
    expect(items.map((instance) => [instance.name, instance.instance_type, instance.state])).toEqual([
      ['wizard-1', 't3.large', 'terminated'],
    ]);
  }, 120_000);
});
