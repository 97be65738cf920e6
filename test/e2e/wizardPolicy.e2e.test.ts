import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TmuxSession, tmuxAvailable } from './tmuxSession.js';

const ROOT = resolve(import.meta.dirname, '../..');
const BUNDLE = join(ROOT, 'dist/cws-tui.js');
const shellQuote = (value: string) => `'${value.replaceAll("'", "'\\''")}'`;

/**
 * The shipped example policy met from the TUI by a member (not an admin) at 80x24 and 120x40: the
 * wizard asks for the project the policy requires, and the launch is allowed once it is typed.
 */
describe.skipIf(!tmuxAvailable())('the wizard under policies/example.yaml in the built app', () => {
  let root: string;
  let env: Record<string, string>;
  const sessions: TmuxSession[] = [];

  beforeAll(() => {
    if (!existsSync(BUNDLE)) {
      throw new Error(`${BUNDLE} is missing: run \`npm run build\` before the end-to-end test.`);
    }
    root = mkdtempSync(join(tmpdir(), 'cws-e2e-policy-'));
    for (const dir of ['config', 'state']) mkdirSync(join(root, dir));
    env = {
      HOME: root,
      CWS_CONFIG_DIR: join(root, 'config'),
      CWS_STATE_DIR: join(root, 'state'),
      CWS_DEMO_SPEED: '0',
      AWS_EC2_METADATA_DISABLED: 'true',
      TERM: 'xterm-256color',
    };
    const policy = join(ROOT, 'policies/example.yaml');
    execFileSync(
      process.execPath,
      [
        BUNDLE,
        'profiles',
        'create',
        'lab',
        '--aws-profile',
        'lab',
        '--region',
        'us-east-1',
        '--policy',
        policy,
      ],
      { env: { ...process.env, ...env }, stdio: 'ignore' },
    );
  });

  afterAll(() => {
    for (const tmux of sessions) tmux.kill();
  });

  it.each([
    { columns: 80, rows: 24, name: 'small-1' },
    { columns: 120, rows: 40, name: 'large-1' },
  ])(
    'launches at $columns x $rows with a project tag',
    async ({ columns, rows, name }) => {
      const assignments = Object.entries(env)
        .map(([key, value]) => `${key}=${shellQuote(value)}`)
        .join(' ');
      const command = `env -u CI ${assignments} ${shellQuote(process.execPath)} ${shellQuote(BUNDLE)} --demo --profile lab; sleep 600`;
      const tmux = new TmuxSession(command, { columns, rows });
      sessions.push(tmux);
      await tmux.waitFor(/workstations? · updated/);
      tmux.type(':launch');
      tmux.sendKeys('Enter');
      await tmux.waitFor('step 1 of 5: Template');
      tmux.type('/python-ml');
      tmux.sendKeys('Enter');
      await tmux.waitFor('(/ edit · Esc clear)');
      tmux.sendKeys('Enter');
      await tmux.waitFor(/> S +t3\.large/);
      tmux.sendKeys('Enter');
      await tmux.waitFor('Root volume (GB)');
      tmux.sendKeys('Enter');
      await tmux.waitFor('Name and options');
      tmux.sendKeys('C-u');
      tmux.type(name);
      await tmux.waitFor(new RegExp(`> Name +${name}`));
      tmux.sendKeys('Enter');
      await tmux.waitFor('The policy requires the tag project: type a value');
      tmux.type('thesis');
      await tmux.waitFor(/> Project\* +thesis/);
      tmux.sendKeys('Enter');
      const review = await tmux.waitFor('Enter launches');
      expect(review).toMatch(/Verdict +allowed/);
      tmux.sendKeys('Enter');
      await tmux.waitFor(`${name} is running`, 30_000);
    },
    60_000,
  );
});
