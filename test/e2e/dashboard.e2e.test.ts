import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoAccount } from '../../source/aws/demo/createDemoAccount.js';
import { TAG } from '../../source/core/ports.js';
import { appCommand, shellQuote, TmuxSession, tmuxAvailable } from './tmuxSession.js';

/**
 * Drives the built app in a real terminal (tmux, 120x40) on the demo account: the seeded
 * workstation shows running, is stopped, terminated after typing its name, and q quits cleanly.
 */
describe.skipIf(!tmuxAvailable())('the built app in tmux on the demo account', () => {
  let root: string;
  const sessions: TmuxSession[] = [];

  function startApp(): TmuxSession {
    const env = {
      HOME: root,
      CWS_CONFIG_DIR: join(root, 'config'),
      CWS_STATE_DIR: join(root, 'state'),
      CWS_DEMO_SPEED: '0',
      AWS_EC2_METADATA_DISABLED: 'true',
      TERM: 'xterm-256color',
      // The seeded workstation is alice's: only its research user (or an admin) may stop it.
      USER: 'alice',
    };
    const assignments = Object.entries(env)
      .map(([key, value]) => `${key}=${shellQuote(value)}`)
      .join(' ');
    // CI=true makes Ink hold frames back: the app must draw as it would for a person.
    const command = `env -u CI ${assignments} ${appCommand()} --demo --refresh 1; echo "EXITED:$?"; sleep 600`;
    const tmux = new TmuxSession(command, { columns: 120, rows: 40 });
    sessions.push(tmux);
    return tmux;
  }

  beforeAll(async () => {
    appCommand();
    root = mkdtempSync(join(tmpdir(), 'cws-e2e-'));
    for (const dir of ['config', 'state']) mkdirSync(join(root, dir));
    const account = createDemoAccount({ stateDir: join(root, 'state'), env: { CWS_DEMO_SPEED: '0' } });
    await account.compute.runInstance({
      region: account.defaultRegion,
      name: 'analysis-1',
      image_id: 'ami-0123456789abcdef0',
      instance_type: 't3.medium',
      user_data_base64: Buffer.from('#!/bin/bash\ncws_mark ready\n').toString('base64'),
      client_token: 'e2e-analysis-1',
      tags: { [TAG.managed]: 'true', [TAG.template]: 'python-ml', [TAG.researchUser]: 'alice' },
      root_volume_gb: 30,
      root_volume_type: 'gp3',
      spot: false,
      hibernation: false,
    });
  });

  afterAll(() => {
    for (const tmux of sessions) tmux.kill();
  });

  it('shows the workstation running, stops it, terminates it and quits', async () => {
    const tmux = startApp();

    const first = await tmux.waitFor(/> analysis-1 .*\brun(ning)?\b/);
    expect(first).toContain('DEMO');
    expect(first).toContain('1 workstation');

    tmux.sendKeys('S');
    await tmux.waitFor(/> analysis-1 .*\bstop(ped)?\b/);

    tmux.sendKeys('C-d');
    await tmux.waitFor('Type analysis-1 to confirm');
    tmux.type('analysis-1');
    tmux.sendKeys('Enter');
    await tmux.waitFor(/> analysis-1 .*terminated/);

    tmux.sendKeys('q');
    const after = await tmux.waitFor('EXITED:0');
    // Back on the normal screen: the dashboard is gone with the alternate screen.
    expect(after).not.toContain('NAME');

    const account = createDemoAccount({ stateDir: join(root, 'state'), env: { CWS_DEMO_SPEED: '0' } });
    const { items } = await account.compute.listInstances({ regions: [account.defaultRegion] });
    expect(items.map((instance) => [instance.name, instance.state])).toEqual([['analysis-1', 'terminated']]);
  });

  it.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('restores the terminal when it gets %s', async (signal, code) => {
    const tmux = startApp();
    await tmux.waitFor('analysis-1');
    process.kill(tmux.childPid(), signal);
    const after = await tmux.waitFor(`EXITED:${code}`);
    expect(after).not.toContain('NAME');
  });
});
