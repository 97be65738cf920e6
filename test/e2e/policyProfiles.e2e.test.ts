import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2eWorkspace, exampleLabWorkspace } from './e2eWorkspace.js';
import { TmuxSession, tmuxAvailable } from './tmuxSession.js';

const SIZE = { columns: 80, rows: 24 };

/** No line of the pane is wider than the terminal, and none ends in a cut word. */
function fitsWhole(screen: string, lines: RegExp[]): void {
  const rows = screen.split('\n');
  for (const row of rows) expect(Array.from(row).length).toBeLessThanOrEqual(SIZE.columns);
  for (const line of lines) expect(rows.find((row) => line.test(row))).toBeDefined();
}

/**
 * The Policy page's what-if form and the Profiles page's demo row in the built app at 80x24, under
 * the shipped example policy as a member.
 */
describe.skipIf(!tmuxAvailable())('the what-if form and the demo row in the built app at 80x24', () => {
  let workspace: E2eWorkspace;
  const sessions: TmuxSession[] = [];

  beforeAll(() => {
    workspace = exampleLabWorkspace('cws-e2e-whatif-');
  });

  afterAll(() => {
    for (const tmux of sessions) tmux.kill();
  });

  function open(): TmuxSession {
    const tmux = new TmuxSession(`${workspace.appLine('--demo --profile lab')}; sleep 600`, SIZE);
    sessions.push(tmux);
    return tmux;
  }

  it('checks a denied type with every reason, then an allowed one once the project tag is typed', async () => {
    const tmux = open();
    await tmux.waitFor(/workstations? · updated/);
    tmux.type(':policy');
    tmux.sendKeys('Enter');
    await tmux.waitFor('Restrictions of profile lab');
    tmux.type('w');
    await tmux.waitFor('What if: a launch checked as');
    tmux.type('t');
    // The field is open before Ctrl-U clears it.
    await tmux.waitFor('typing · Enter done');
    tmux.sendKeys('C-u');
    await tmux.waitFor(/^Type\s+Purchase/m);
    tmux.type('p5.48xlarge');
    tmux.sendKeys('Enter');
    let screen = await tmux.waitFor(/DENIED \(\d+ reasons?\): \S+ on p5\.48xlarge in us-east-1/);
    expect(screen).toMatch(/x instance_types\.deny/);
    expect(screen).not.toContain('policy test lists them all');
    fitsWhole(screen, [/DENIED/]);
    await tmux.waitFor('t type');

    tmux.type('t');
    // The field is open before Ctrl-U clears it.
    await tmux.waitFor('typing · Enter done');
    tmux.sendKeys('C-u');
    await tmux.waitFor(/^Type\s+Purchase/m);
    tmux.type('t3.medium');
    tmux.sendKeys('Enter');
    screen = await tmux.waitFor(/on t3\.medium in us-east-1/);
    // The example policy requires a project tag: denied for it alone until it is typed.
    expect(screen).toMatch(/x required_tags/);
    await tmux.waitFor('a tags');
    tmux.type('a');
    await tmux.waitFor('typing · Enter done');
    tmux.type('project=thesis');
    tmux.sendKeys('Enter');
    screen = await tmux.waitFor(/ALLOWED: \S+ on t3\.medium in us-east-1/);
    expect(screen).toContain('Tags project=thesis');
    expect(screen).not.toMatch(/x required_tags/);
    fitsWhole(screen, [/ALLOWED/]);
    tmux.sendKeys('Escape');
    await tmux.waitFor('Restrictions of profile lab');
  }, 60_000);

  it('shows the demo row in the profiles list and switches to the demo account from it', async () => {
    const tmux = open();
    await tmux.waitFor(/workstations? · updated/);
    tmux.type(':profiles');
    tmux.sendKeys('Enter');
    let screen = await tmux.waitFor('This session: profile lab');
    expect(screen).toMatch(/^[ >]\*lab +personal +member/m);
    expect(screen).toMatch(/^ {2}\(demo\) +demo/m);
    fitsWhole(screen, [/\(demo\) +demo/]);
    tmux.type('G');
    await tmux.waitFor(/^> \(demo\) +demo/m);
    tmux.sendKeys('Enter');
    screen = await tmux.waitFor('Switched to the demo account');
    expect(screen).toContain('This session: profile demo');
    expect(screen).toMatch(/^[ >]\*\(demo\)/m);
    fitsWhole(screen, [/Switched to the demo account/]);
  }, 60_000);
});
