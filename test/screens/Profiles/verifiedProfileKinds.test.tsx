import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../source/app/App.js';
import { openSession } from '../../../source/app/session/openSession.js';
import { createTheme } from '../../../source/app/theme.js';
import { runProfilesCommand } from '../../../source/commands/profilesCommand.js';
import { KEYS, type RenderedTui, renderTui } from '../../app/fakeTerminal.js';
import { runCommand } from '../../commands/commandHarness.js';
import { editConfig, invitedMember } from '../../commands/invitedMember.js';

let tui: RenderedTui | undefined;
afterEach(() => {
  tui?.unmount();
  tui = undefined;
});

/** A member who edited config.json to call the invited profile a personal admin one. */
async function handEditedMember(): Promise<NodeJS.ProcessEnv> {
  const { member } = await invitedMember();
  await editConfig(member, (profile) => {
    profile.kind = 'personal';
    profile.role = 'admin';
    profile.can_invite = true;
  });
  return member;
}

async function openPage(env: NodeJS.ProcessEnv, page: string, ready: string) {
  tui = renderTui(
    <App
      openSession={(profile) => openSession({ env, demo: true, profile })}
      theme={createTheme(false)}
      refreshMs={60_000}
    />,
    { columns: 120, rows: 40 },
  );
  await tui.waitFor('No workstations');
  await tui.type(':');
  await tui.waitFor(':dashboard');
  await tui.type(`${page}${KEYS.enter}`);
  return tui.waitFor(ready);
}

describe('kind and role come from the signed chain, not the config file (issue 15)', () => {
  it('profiles list prints the verified kind and role and names the edit', async () => {
    const member = await handEditedMember();
    const listed = await runCommand(runProfilesCommand, ['list'], member);
    expect(listed.stdout).toMatch(/\*\s+lab\s+invited\s+member/);
    expect(listed.stdout).not.toContain('admin');
    expect(listed.stderr).toContain("profile 'lab': the config file's kind, role, can_invite differ");
    const json = await runCommand(runProfilesCommand, ['list'], member, { json: true });
    expect(JSON.parse(json.stdout)[0]).toMatchObject({ kind: 'invited', role: 'member', can_invite: false });
  });

  it('the Profiles page shows the verified kind and role', async () => {
    const member = await handEditedMember();
    const frame = await openPage(member, 'profiles', 'This session: profile');
    expect(frame).toMatch(/\*lab +invited +member/);
    expect(frame).not.toMatch(/lab +personal/);
  });

  it('the Policy page shows the verified kind and role and the hand edit', async () => {
    const member = await handEditedMember();
    const frame = await openPage(member, 'policy', 'What if');
    expect(frame).toContain('Restrictions of profile lab (invited, member)');
    expect(frame).toMatch(
      / {2}profile 'lab': the config file's kind, role, can_invite differ from what the invitation signed/,
    );
  });
});
