import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TmuxSession, tmuxAvailable } from './tmuxSession.js';

const BUNDLE = resolve(import.meta.dirname, '../../dist/cws-tui.js');
const shellQuote = (value: string) => `'${value.replaceAll("'", "'\\''")}'`;

/**
 * A budget's stop alert fired in one run of the built app is still waiting in the next (at 80x24),
 * labelled as an alert, with `x` to act on it, until it is dismissed.
 */
describe.skipIf(!tmuxAvailable())('a budget stop alert across a restart of the built app', () => {
  let root: string;
  let env: Record<string, string>;
  const sessions: TmuxSession[] = [];

  beforeAll(() => {
    if (!existsSync(BUNDLE)) {
      throw new Error(`${BUNDLE} is missing: run \`npm run build\` before the end-to-end test.`);
    }
    root = mkdtempSync(join(tmpdir(), 'cws-e2e-alert-'));
    for (const dir of ['config', 'state']) mkdirSync(join(root, dir));
    env = {
      HOME: root,
      CWS_CONFIG_DIR: join(root, 'config'),
      CWS_STATE_DIR: join(root, 'state'),
      CWS_DEMO_SPEED: '0',
      AWS_EC2_METADATA_DISABLED: 'true',
      TERM: 'xterm-256color',
    };
    const run = (...args: string[]) =>
      execFileSync(process.execPath, [BUNDLE, ...args], { env: { ...process.env, ...env }, stdio: 'ignore' });
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
    const assignments = Object.entries(env)
      .map(([key, value]) => `${key}=${shellQuote(value)}`)
      .join(' ');
    const command = `env -u CI ${assignments} ${shellQuote(process.execPath)} ${shellQuote(BUNDLE)} --demo --profile lab; echo "EXITED:$?"; sleep 600`;
    const tmux = new TmuxSession(command, { columns: 80, rows: 24 });
    sessions.push(tmux);
    return tmux;
  }

  it('shows the alert again after a restart, until it is dismissed', async () => {
    const first = startApp();
    await first.waitFor(/> nb1 .*running/);
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
