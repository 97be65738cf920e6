import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2eWorkspace, e2eWorkspace } from './e2eWorkspace.js';
import { TmuxSession, tmuxAvailable } from './tmuxSession.js';

const BUNDLE = resolve(import.meta.dirname, '../../dist/cws-tui.js');

interface Listed {
  name: string;
  state: string;
  hibernated: boolean;
  region: string;
  hourly_cost: number | null;
}

/**
 * The dashboard of the built app in tmux at 80x24 and 120x40 on a mixed demo account (EC2 running,
 * stopped, hibernated and in a second region; a SageMaker space stopped): every row agrees with
 * `list --json`, names are whole, short states are explained, burn rate and budget stay in the
 * header, `:region` narrows, `:events` keeps the messages, and `--readonly` changes nothing.
 */
describe.skipIf(!tmuxAvailable())('the dashboard of the built app in tmux', () => {
  let workspace: E2eWorkspace;
  let listed: Listed[];
  const sessions: TmuxSession[] = [];

  beforeAll(() => {
    workspace = e2eWorkspace('cws-e2e-layout-');
    const { run } = workspace;
    run('launch', 'python-ml', 'runner', '--demo', '--size', 'S');
    run('launch', 'python-ml', 'halted', '--demo', '--size', 'S');
    run('launch', 'python-ml', 'sleeper', '--demo', '--size', 'S', '--hibernation');
    run('launch', 'python-ml', 'dublin', '--demo', '--size', 'S', '--region', 'eu-west-1');
    run('launch', 'sagemaker-studio', 'notebook', '--demo');
    run('stop', 'halted', '--demo', '--yes');
    run('hibernate', 'sleeper', '--demo', '--yes');
    run('stop', 'notebook', '--demo', '--yes');
    const out = execFileSync(process.execPath, [BUNDLE, 'list', '--json', '--demo'], {
      env: { ...process.env, ...workspace.env },
      encoding: 'utf8',
    });
    listed = JSON.parse(out) as Listed[];
    // Nine runs of the built app: a loaded machine takes longer than the default hook timeout.
  }, 90_000);

  afterAll(() => {
    for (const tmux of sessions) tmux.kill();
  });

  function start(size: { columns: number; rows: number }, flags = ''): TmuxSession {
    const tmux = new TmuxSession(`${workspace.appLine(`--demo ${flags}`)}; sleep 600`, size);
    sessions.push(tmux);
    return tmux;
  }

  const money = (amount: number) => `$${amount.toFixed(4)}`;
  const rowOf = (screen: string, name: string) =>
    screen.split('\n').find((line) => line.slice(2).startsWith(`${name} `)) ?? '';

  it.each([
    { columns: 80, rows: 24 },
    { columns: 120, rows: 40 },
  ])('agrees with list --json on every row and fits $columns x $rows', async (size) => {
    expect(listed).toHaveLength(5);
    const tmux = start(size);
    await tmux.waitFor('5 workstations');
    // The cost report arrives after the first listing.
    const screen = await tmux.waitFor(/\/h · month \$/);
    const wide = size.columns >= 110;
    for (const row of listed) {
      const line = rowOf(screen, row.name);
      const state = row.state === 'stopped' && row.hibernated ? 'hibernated' : row.state;
      const short: Record<string, string> = { running: 'run', stopped: 'stop', hibernated: 'hib' };
      expect(line, row.name).toContain(` ${wide ? state : short[state]} `);
      expect(line, row.name).toContain(row.hourly_cost ? money(row.hourly_cost) : ' - ');
      // Two regions are shown: REGION is there at 80 columns too.
      expect(line, row.name).toContain(row.region);
    }
    const lines = screen.split('\n');
    // The header keeps burn rate and the month's spend whole.
    expect(lines[1]).toMatch(/\$\d+\.\d{4}\/h · month \$\d+\.\d{2}$/);
    if (!wide) expect(screen).toContain('run running · stop stopped · hib hibernated');
    for (const line of lines) expect(Array.from(line).length).toBeLessThanOrEqual(size.columns);

    // :region shows one region, named in the header; :events keeps what was said.
    tmux.type(':region');
    tmux.sendKeys('Enter');
    await tmux.waitFor('Show which region?');
    tmux.sendKeys('j', 'j', 'j', 'Enter');
    const dublin = await tmux.waitFor('1 workstation in eu-west-1');
    expect(dublin).toContain('region eu-west-1 only');
    expect(rowOf(dublin, 'runner')).toBe('');
    tmux.sendKeys('s');
    await tmux.waitFor(/new · :events/);
    tmux.type(':events');
    tmux.sendKeys('Enter');
    await tmux.waitFor(/\d\d:\d\d:\d\d \S+ +Dashboard +Starting dublin/);
    // Read once shown: the count goes (the frame after the page's first one).
    await tmux.waitFor(/^(?![\s\S]*new · :events)[\s\S]*Starting dublin/);
  });

  it('with --readonly says so and leaves every workstation as it is', async () => {
    const tmux = start({ columns: 80, rows: 24 }, '--readonly');
    const screen = await tmux.waitFor('5 workstations');
    expect(screen).toContain('READ-ONLY');
    tmux.sendKeys('j', 'S', 'n');
    const after = await tmux.waitFor('5 workstations');
    expect(after).not.toContain('Stopping');
    expect(after).not.toContain('Launch');
    expect(after.trimEnd().split('\n').at(-1)).not.toMatch(/s start|S stop/);
  });
});
