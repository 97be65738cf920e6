import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2eWorkspace, e2eWorkspace } from './e2eWorkspace.js';
import { TmuxSession, tmuxAvailable } from './tmuxSession.js';

/**
 * A budget's stop alert fired in one run of the built app is still waiting in the next (at 80x24),
 * labelled as an alert, with `x` to act on it, until it is dismissed.
 */
describe.skipIf(!tmuxAvailable())('a budget stop alert across a restart of the built app', () => {
  let root: string;
  let workspace: E2eWorkspace;
  const sessions: TmuxSession[] = [];

  beforeAll(() => {
    workspace = e2eWorkspace('cws-e2e-alert-');
    root = workspace.root;
    const { run } = workspace;
    // A budget so small that a running workstation crosses half of it within a second.
    run('profiles', 'create', 'lab', '--aws-profile', 'lab', '--region', 'us-east-1', '--budget', '0.0001');
    const configFile = join(root, 'config', 'config.json');
    const config = JSON.parse(readFileSync(configFile, 'utf8'));
    config.profiles.lab.budget = {
      // Crossed 50% within 10 ms of running: the first report, whenever it comes, has fired.
      monthly_limit: 0.000001,
      thresholds: [50],
      actions: { '50': 'stop' },
      auto: false,
    };
    writeFileSync(configFile, JSON.stringify(config));
    run('launch', 'python-ml', 'nb1', '--demo');
  });

  afterAll(() => {
    for (const tmux of sessions) tmux.kill();
  });

  function startApp(): TmuxSession {
    const command = `${workspace.appLine('--demo --profile lab')}; echo "EXITED:$?"; sleep 600`;
    const tmux = new TmuxSession(command, { columns: 80, rows: 24 });
    sessions.push(tmux);
    return tmux;
  }

  it('shows the alert again after a restart, until it is dismissed', async () => {
    const first = startApp();
    await first.waitFor(/> nb1 .*\brun(ning)?\b/);
    first.type(':cost');
    first.sendKeys('Enter');
    const fired = await first.waitFor('1 alert(s)', 20_000);
    expect(fired).toContain('Budget alert: $');
    expect(fired).not.toContain('Error: Budget alert');
    first.sendKeys('q');
    await first.waitFor('EXITED:0');

    const second = startApp();
    await second.waitFor(/> nb1 /);
    second.type(':cost');
    second.sendKeys('Enter');
    await second.waitFor('1 alert(s)', 20_000);
    const restored = await second.waitFor('x stop (budget)');
    expect(restored).toMatch(/running workstations are to be\s+stopped/);
    second.sendKeys('d');
    await second.waitFor(/^(?![\s\S]*alert\(s\))/);
    second.sendKeys('q');
    await second.waitFor('EXITED:0');

    const third = startApp();
    await third.waitFor(/> nb1 /);
    third.type(':cost');
    third.sendKeys('Enter');
    const after = await third.waitFor('Burn $', 20_000);
    expect(after).not.toContain('alert(s)');
  }, 90_000);
});
