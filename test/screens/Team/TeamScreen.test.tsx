import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../source/app/App.js';
import { openSession } from '../../../source/app/session/openSession.js';
import { createTheme } from '../../../source/app/theme.js';
import { runInviteCommand } from '../../../source/commands/inviteCommand.js';
import { runProfilesCommand } from '../../../source/commands/profilesCommand.js';
import { runTeamCommand } from '../../../source/commands/teamCommand.js';
import { seedWorkstation, tempEnv } from '../../app/demoSession.js';
import { KEYS, type RenderedTui, renderTui } from '../../app/fakeTerminal.js';
import { runCommand } from '../../commands/commandHarness.js';

let tui: RenderedTui | undefined;
afterEach(() => {
  tui?.unmount();
  tui = undefined;
});

describe('the team page', () => {
  it("lists the lab's users and invitations from the store, and an admin revokes the selected one", async () => {
    const env = tempEnv();
    await runCommand(runProfilesCommand, ['create', 'ops'], env, {
      awsProfile: 'lab',
      region: 'us-east-1',
      admin: true,
    });
    const invited = await runCommand(runInviteCommand, ['create', 'lab'], env, { json: true, user: 'dave' });
    const { id } = JSON.parse(invited.stdout) as { id: string };
    await runCommand(runTeamCommand, ['cap', 'lab', '4'], env);
    await runCommand(runTeamCommand, ['budget', 'project:genomics', '120'], env);
    const session = await openSession({ env, demo: true, profile: 'ops' });
    await session.createResearchUser({ username: 'carol', email: 'carol@lab.example' });
    await seedWorkstation(session, 'thesis');
    expect(session.info.team_store).toBe('local');

    tui = renderTui(
      <App openSession={() => Promise.resolve(session)} theme={createTheme(false)} refreshMs={60_000} />,
      { columns: 120, rows: 30 },
    );
    await tui.waitFor('thesis');
    expect(tui.lastFrame()).toContain('team local');
    await tui.type(':');
    await tui.waitFor(':dashboard');
    await tui.type(`team${KEYS.enter}`);
    await tui.waitFor('carol');
    expect(tui.lastFrame()).toMatch(/carol +5000 +carol@lab\.example +SHA256:/);
    await tui.type('2');
    await tui.waitFor(id.slice(0, 8));
    expect(tui.lastFrame()).toMatch(/lab +ops +open +0\/1/);
    await tui.type('x');
    await tui.waitFor('Revoked invitation');
    await tui.waitFor('revoked');
    expect(tui.lastFrame()).toMatch(/lab +ops +revoked +0\/1/);
    await tui.type('3');
    await tui.waitFor('PROJECT#genomics');
    expect(tui.lastFrame()).toContain('running caps: the lab 4');
  });
});
