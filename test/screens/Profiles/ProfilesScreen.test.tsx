import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../source/app/App.js';
import { openSession } from '../../../source/app/session/openSession.js';
import type { Session } from '../../../source/app/session/Session.js';
import { createTheme } from '../../../source/app/theme.js';
import { runInviteCommand } from '../../../source/commands/inviteCommand.js';
import { runProfilesCommand } from '../../../source/commands/profilesCommand.js';
import { runUsersCommand } from '../../../source/commands/usersCommand.js';
import { ConfigStore } from '../../../source/core/config/ConfigStore.js';
import { resolveAppPaths } from '../../../source/core/paths.js';
import type { Workstation } from '../../../source/core/workstations/Workstation.js';
import { KEYS, type RenderedTui, renderTui } from '../../app/fakeTerminal.js';
import { runCommand, testEnvironment } from '../../commands/commandHarness.js';

const labPolicy = fileURLToPath(new URL('../../fixtures/policies/lab.yaml', import.meta.url));

const staleWorkstation: Workstation = {
  id: 'i-0000000000000000a',
  name: 'stale-ws',
  kind: 'ec2',
  template: 'python-ml',
  region: 'us-east-1',
  state: 'running',
  hibernated: false,
  instance_type: 't3.medium',
  launched_at: '2026-11-02T10:00:00Z',
  hourly_cost: 0.0416,
  connect: 'ssh',
};

let tui: RenderedTui | undefined;
afterEach(() => {
  tui?.unmount();
  tui = undefined;
});

async function withTwoProfiles(): Promise<NodeJS.ProcessEnv> {
  const env = testEnvironment();
  await runCommand(runProfilesCommand, ['create', 'lab'], env, {
    awsProfile: 'lab',
    region: 'us-east-1',
    policy: labPolicy,
  });
  await runCommand(runProfilesCommand, ['create', 'home'], env, { awsProfile: 'home', region: 'us-west-2' });
  await runCommand(runProfilesCommand, ['use', 'lab'], env);
  return env;
}

async function openProfiles(env: NodeJS.ProcessEnv, size: { columns: number; rows: number }) {
  tui = renderTui(
    <App
      openSession={(profile) => openSession({ env, demo: true, profile })}
      theme={createTheme(false)}
      refreshMs={60_000}
    />,
    size,
  );
  await tui.waitFor('No workstations');
  await tui.type(':');
  await tui.waitFor(':dashboard');
  await tui.type(`profiles${KEYS.enter}`);
  await tui.waitFor('This session: profile');
  return tui;
}

/** The profile new sessions open with, as the config file says; undefined when none is. */
function currentInConfig(env: NodeJS.ProcessEnv): string | undefined {
  return ConfigStore.open(resolveAppPaths(env).configDir).currentProfileName();
}

async function currentProfile(env: NodeJS.ProcessEnv): Promise<string> {
  const outcome = await runCommand(runProfilesCommand, ['current'], env, { json: true });
  return (JSON.parse(outcome.stdout) as { name: string }).name;
}

describe.each([
  { columns: 80, rows: 24 },
  { columns: 120, rows: 40 },
])('the profile switcher at $columns x $rows', (size) => {
  it('lists the profiles and switches: the session reopens on the other one', async () => {
    const env = await withTwoProfiles();
    const view = await openProfiles(env, size);
    let frame = view.lastFrame();
    expect(frame.split('\n').length).toBeLessThanOrEqual(size.rows - 1);
    expect(frame).toContain('This session: profile lab');
    expect(frame).toMatch(/^[ >]\*lab +personal +member/m);
    expect(frame).toMatch(/home +personal .* us-west-2/);
    const homeRow = frame.split('\n').findIndex((line) => /home +personal/.test(line));
    const labRow = frame.split('\n').findIndex((line) => /lab +personal/.test(line));
    await view.type(homeRow > labRow ? 'j' : 'k');
    await view.type(KEYS.enter);
    frame = await view.waitFor('This session: profile home');
    expect(frame).toContain('Switched to profile home');
    expect(frame).toMatch(/profile home · account \S+ · us-west-2/);
    expect(await currentProfile(env)).toBe('home');
    // Every page was reopened on the new session: the policy viewer shows home's (empty) policy.
    await view.type(':');
    await view.waitFor(':dashboard');
    await view.type(`policy${KEYS.enter}`);
    frame = await view.waitFor('Restrictions of profile home');
    expect(frame).not.toContain('instance_types: allow t3.*');
  });
});

describe('switching while the old session is still answering', () => {
  it('drops what the old session returns after the switch', async () => {
    const env = await withTwoProfiles();
    const lab = await openSession({ env, demo: true });
    const old: Session = Object.create(lab);
    let release: () => void = () => {};
    let slow = false;
    old.listWorkstations = async () => {
      if (!slow) return [];
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      return [{ ...staleWorkstation }];
    };
    tui = renderTui(
      <App
        openSession={(profile) =>
          profile === undefined ? Promise.resolve(old) : openSession({ env, demo: true, profile })
        }
        theme={createTheme(false)}
        refreshMs={60_000}
      />,
      { columns: 80, rows: 24 },
    );
    await tui.waitFor('No workstations');
    slow = true;
    await tui.type('r');
    await tui.type(':');
    await tui.waitFor(':dashboard');
    await tui.type(`profiles${KEYS.enter}`);
    await tui.waitFor('This session: profile lab');
    const frame = tui.lastFrame();
    const homeRow = frame.split('\n').findIndex((line) => /home +personal/.test(line));
    const labRow = frame.split('\n').findIndex((line) => /lab +personal/.test(line));
    await tui.type(homeRow > labRow ? 'j' : 'k');
    await tui.type(KEYS.enter);
    await tui.waitFor('This session: profile home');
    release();
    await tui.type(KEYS.esc, 200);
    expect(tui.lastFrame()).toContain('No workstations');
    expect(tui.lastFrame()).not.toContain('stale-ws');
  });
});

describe('invitations and research users in the profile switcher', () => {
  it('accepts a pasted invitation token, and refuses the same one a second time', async () => {
    const admin = testEnvironment();
    await runCommand(runProfilesCommand, ['create', 'ops'], admin, {
      awsProfile: 'lab',
      region: 'us-east-1',
      admin: true,
    });
    const created = await runCommand(runInviteCommand, ['create', 'lab'], admin, {
      json: true,
      user: 'carol',
      policy: labPolicy,
    });
    const { token } = JSON.parse(created.stdout) as { token: string };
    const env = testEnvironment();
    const view = await openProfiles(env, { columns: 80, rows: 24 });
    // No profile yet: the demo account's row is there, and opens next.
    expect(view.lastFrame()).toMatch(/^>\*\(demo\) +demo/m);
    await view.type('a');
    await view.waitFor('Paste the invitation token');
    // A token is 2 KB: pasted, it arrives as one read of keys pressed one by one.
    await view.type(token);
    await view.type(KEYS.enter);
    // Accepting asks before switching, and leaves the profile that opens next as it was.
    let frame = await view.waitFor('Switch to profile lab now?', 15_000);
    await view.type('n');
    frame = await view.waitFor('Staying on demo');
    expect(frame).toMatch(/lab +invited +member/);
    expect(frame).toMatch(/^ \*\(demo\) +demo/m);
    expect(currentInConfig(env)).toBeUndefined();
    await view.type('a');
    await view.waitFor('Paste the invitation token');
    await view.type(token);
    await view.type(KEYS.enter);
    // The same invitation again: its profile name is taken, so another is asked for, in an empty field.
    frame = await view.waitFor('A profile named lab exists. Name this one:', 15_000);
    expect(frame).toMatch(/^\| +_ +\|$/m);
    await view.type(`lab-2${KEYS.enter}`);
    // The invitation allowed one use, taken in the team store: a second profile from it is refused.
    frame = await view.waitFor('this invitation has been used', 15_000);
    expect(frame).toContain('1 of 1 use, by carol');
    await view.type(KEYS.esc);
    expect(view.lastFrame()).not.toMatch(/lab-2 +invited/);
    await view.type('a');
    await view.waitFor('Paste the invitation token');
    await view.type(`not-a-token${KEYS.enter}`);
    await view.waitFor(/not an invitation|invitation token/i);
    await view.type(KEYS.esc);
    expect(view.lastFrame()).not.toContain('Paste the invitation token');
  });

  it('asks for a username when the invitation names none', async () => {
    const admin = testEnvironment();
    await runCommand(runProfilesCommand, ['create', 'ops'], admin, {
      awsProfile: 'lab',
      region: 'us-east-1',
      admin: true,
    });
    const created = await runCommand(runInviteCommand, ['create', 'lab'], admin, { json: true });
    const { token } = JSON.parse(created.stdout) as { token: string };
    const view = await openProfiles(testEnvironment(), { columns: 120, rows: 40 });
    await view.type('a');
    await view.waitFor('Paste the invitation token');
    await view.type(token);
    await view.type(KEYS.enter);
    await view.waitFor('The invitation names no research user. Username:', 15_000);
    await view.type(`erin${KEYS.enter}`);
    let frame = await view.waitFor('Added profile lab');
    expect(frame).toMatch(/created research user erin \(UID \d+\)/);
    // Yes: the session reopens on the new profile, and it opens next.
    await view.waitFor('Switch to profile lab now?');
    await view.type('y');
    frame = await view.waitFor('This session: profile lab as erin');
    expect(frame).toContain('Switched to profile lab');
  });

  it('creates a research user, and says why a bad name is refused', async () => {
    const env = testEnvironment();
    const view = await openProfiles(env, { columns: 120, rows: 40 });
    await view.type('u');
    await view.waitFor('Username');
    await view.type('Bad Name');
    await view.type(KEYS.enter);
    await view.waitFor('is not a valid username');
    for (let press = 0; press < 8; press++) await view.type(KEYS.backspace, 5);
    // The dialog takes every key: q is typed, not quit.
    await view.type('quinn');
    await view.type(KEYS.enter);
    await view.waitFor(/Created research user quinn with UID \d+/);
    const listed = JSON.parse((await runCommand(runUsersCommand, ['list'], env, { json: true })).stdout) as {
      username: string;
    }[];
    expect(listed.map((user) => user.username)).toContain('quinn');
  });

  it('lists, creates and (for an admin, after the name is typed) deletes research users in their tab', async () => {
    const env = testEnvironment();
    await runCommand(runProfilesCommand, ['create', 'ops'], env, {
      awsProfile: 'lab',
      region: 'us-east-1',
      admin: true,
    });
    const view = await openProfiles(env, { columns: 80, rows: 24 });
    await view.type(KEYS.tab);
    let frame = await view.waitFor('No research users yet');
    expect(frame).toContain('[Research users]');
    for (const username of ['dana', 'quinn']) {
      await view.type('u');
      await view.waitFor('Username');
      await view.type(`${username}${KEYS.enter}`);
      await view.waitFor(new RegExp(`${username} +\\d+ +\\d+`));
    }
    frame = view.lastFrame();
    expect(frame).toMatch(/dana +\d+/);
    // The cursor is on dana (first): d asks for the name, and a wrong one deletes nothing.
    await view.type('d');
    await view.waitFor('Delete research user dana');
    await view.type(`quinn${KEYS.enter}`);
    await view.type(KEYS.esc);
    expect(view.lastFrame()).toMatch(/dana +\d+/);
    await view.type('d');
    await view.waitFor('Delete research user dana');
    await view.type(`dana${KEYS.enter}`);
    frame = await view.waitFor(/Deleted research user dana \(UID \d+ is retired/);
    for (const deadline = Date.now() + 5000; /dana +\d+ +\d+/.test(view.lastFrame()); ) {
      if (Date.now() > deadline) throw new Error(`dana is still listed:\n${view.lastFrame()}`);
      await view.type('', 20);
    }
    const listed = JSON.parse((await runCommand(runUsersCommand, ['list'], env, { json: true })).stdout) as {
      username: string;
    }[];
    expect(listed.map((user) => user.username)).toEqual(['quinn']);
  });

  it('offers no delete of research users to a member', async () => {
    const view = await openProfiles(await withTwoProfiles(), { columns: 120, rows: 40 });
    await view.type(KEYS.tab);
    const frame = await view.waitFor('deleting a user needs an admin profile');
    expect(frame).not.toContain('d delete user');
  });
});

describe('the demo row and deleting profiles', () => {
  it('returns to the demo account from a profile, and opens it next', async () => {
    const env = await withTwoProfiles();
    const view = await openProfiles(env, { columns: 80, rows: 24 });
    await view.type('G');
    let frame = await view.waitFor(/^> \(demo\) +demo/m);
    await view.type(KEYS.enter);
    frame = await view.waitFor('Switched to the demo account');
    expect(frame).toContain('This session: profile demo');
    expect(frame).toMatch(/^[ >]\*\(demo\)/m);
    expect(currentInConfig(env)).toBeUndefined();
  });

  it('deletes another profile once its name is typed, and never the one the session runs as', async () => {
    const env = await withTwoProfiles();
    const view = await openProfiles(env, { columns: 120, rows: 40 });
    // Rows: home, lab (the session's), the demo account; d is offered on home, not on lab.
    await view.waitFor(/^> home /m);
    expect(view.lastFrame()).toContain('d delete profile');
    await view.type('j');
    await view.waitFor(/^>\*lab /m);
    expect(view.lastFrame()).not.toContain('d delete profile');
    await view.type('k');
    await view.waitFor(/^> home /m);
    await view.type('d');
    await view.waitFor('Delete profile home');
    await view.type(`home${KEYS.enter}`);
    const frame = await view.waitFor('Deleted profile home');
    expect(frame).not.toMatch(/home +personal/);
    const listed = await runCommand(runProfilesCommand, ['list'], env, { json: true });
    expect(listed.stdout).not.toContain('"home"');
  });
});
