import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2eWorkspace, exampleLabWorkspace } from './e2eWorkspace.js';
import { TmuxSession, tmuxAvailable } from './tmuxSession.js';

/**
 * The shipped example policy met from the TUI by a member (not an admin) at 80x24 and 120x40: the
 * wizard asks for the project the policy requires, and the launch is allowed once it is typed.
 */
describe.skipIf(!tmuxAvailable())('the wizard under policies/example.yaml in the built app', () => {
  let workspace: E2eWorkspace;
  const sessions: TmuxSession[] = [];

  beforeAll(() => {
    workspace = exampleLabWorkspace('cws-e2e-policy-');
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
      const command = `${workspace.appLine('--demo --profile lab')}; sleep 600`;
      const tmux = new TmuxSession(command, { columns, rows });
      sessions.push(tmux);
      await tmux.waitFor(/workstations? · updated/);
      tmux.type(':launch');
      tmux.sendKeys('Enter');
      await tmux.waitFor('step 1 of 5: Template');
      tmux.type('/python-ml');
      tmux.sendKeys('Enter');
      // The filter is closed and the templates are listed (they load while the filter is typed):
      // Enter chooses the one under the cursor, sent once as a person would once they see it.
      await tmux.waitFor(/^> python-ml [\s\S]*\(\/ edit · Esc clear\)/m);
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
