import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../source/app/App.js';
import { openSession } from '../../source/app/session/openSession.js';
import type { Session } from '../../source/app/session/Session.js';
import { createTheme } from '../../source/app/theme.js';
import { runInviteCommand } from '../../source/commands/inviteCommand.js';
import { runProfilesCommand } from '../../source/commands/profilesCommand.js';
import { TAG } from '../../source/core/ports.js';
import { runCommand } from '../commands/commandHarness.js';
import { seedWorkstation, tempEnv } from './demoSession.js';
import { KEYS, type RenderedTui, renderTui } from './fakeTerminal.js';

let tui: RenderedTui | undefined;
afterEach(() => {
  tui?.unmount();
  tui = undefined;
});

const SIZE = { columns: 120, rows: 40 };

/** An admin's demo session with a second profile, a research user, an invitation, a workstation and a managed EFS. */
async function adminSession(): Promise<Session> {
  const env = tempEnv();
  await runCommand(runProfilesCommand, ['create', 'ops'], env, {
    awsProfile: 'lab',
    region: 'us-east-1',
    admin: true,
  });
  await runCommand(runProfilesCommand, ['create', 'home'], env, { awsProfile: 'home', region: 'us-west-2' });
  await runCommand(runProfilesCommand, ['use', 'ops'], env);
  await runCommand(runInviteCommand, ['create', 'lab'], env, { json: true, user: 'dave' });
  const session = await openSession({ env, demo: true, profile: 'ops' });
  await session.createResearchUser({ username: 'carol', email: 'carol@lab.example' });
  await seedWorkstation(session, 'thesis');
  await session.account.storage.createFileSystem(session.info.region, 'lab-share', { [TAG.managed]: 'true' });
  return session;
}

async function showReadonly(session: Session): Promise<RenderedTui> {
  tui = renderTui(
    <App
      openSession={() => Promise.resolve(session)}
      theme={createTheme(false)}
      refreshMs={60_000}
      readonly
    />,
    SIZE,
  );
  await tui.waitFor(/thesis.*running/);
  return tui;
}

async function goTo(view: RenderedTui, command: string, shown: string | RegExp): Promise<string> {
  await view.type(':');
  await view.waitFor(':dashboard');
  await view.type(`${command}${KEYS.enter}`);
  return view.waitFor(shown);
}

const footerOf = (frame: string) => frame.split('\n').at(-1) ?? '';

/** Presses each key and proves it opened nothing: no dialog title, no message, the page unchanged. */
async function pressIsInert(
  view: RenderedTui,
  keys: readonly string[],
  absent: readonly (string | RegExp)[],
) {
  for (const key of keys) {
    await view.type(key);
    const frame = view.lastFrame();
    for (const text of absent) {
      if (typeof text === 'string') expect(frame).not.toContain(text);
      else expect(frame).not.toMatch(text);
    }
  }
}

describe('--readonly on every screen that changes something', () => {
  it('the profiles page offers neither accept, new user nor delete, and those keys do nothing', async () => {
    const view = await showReadonly(await adminSession());
    let frame = await goTo(view, 'profiles', 'This session: profile');
    expect(frame).toContain('READ-ONLY');
    await view.type('k');
    frame = await view.waitFor(/^>.*home +personal/m);
    expect(footerOf(frame)).not.toMatch(/a accept|u new research user|d delete/);
    await pressIsInert(
      view,
      ['a', 'u', 'd'],
      ['Accept an invitation', 'Create a research user', 'Delete profile'],
    );
    expect(view.lastFrame()).toMatch(/home +personal/);

    await view.type(KEYS.tab);
    frame = await view.waitFor(/carol +\d+/);
    expect(footerOf(frame)).not.toMatch(/u new research user|d delete user/);
    await pressIsInert(view, ['u', 'd'], ['Create a research user', 'Delete research user']);
    expect(view.lastFrame()).toMatch(/carol +\d+/);
    // Switching profiles changes nothing in the account: it stays.
    await view.type(KEYS.tab);
    frame = await view.waitFor(/^>.*home +personal/m);
    expect(footerOf(frame)).toContain('Enter switch');
  });

  it('the storage page offers neither create, unmount nor delete', async () => {
    const view = await showReadonly(await adminSession());
    const frame = await goTo(view, 'storage', 'lab-share');
    expect(footerOf(frame)).toContain('r refresh');
    expect(footerOf(frame)).not.toMatch(/c create|u unmount|d delete/);
    await pressIsInert(view, ['c', 'u', 'd'], ['Create an EFS', 'Unmount lab-share', 'Delete lab-share']);
    expect(view.lastFrame()).toMatch(/lab-share .* available/);
  });

  it('the operations page reads every tab but runs no command', async () => {
    const view = await showReadonly(await adminSession());
    await view.type(KEYS.enter);
    await view.waitFor('logs, volumes, snapshots, idle, exec');
    await view.type('o');
    let frame = await view.waitFor('CWS-PROGRESS ready');
    expect(footerOf(frame)).toContain('Tab next tab');
    expect(footerOf(frame)).not.toContain('run a command');
    await pressIsInert(view, ['x'], ['Run on thesis', 'Command (as the research user)']);
    await view.type('2');
    frame = await view.waitFor('/dev/sda1');
    expect(frame).not.toContain('Exec as');
  });

  it('the team page lists invitations but revokes none', async () => {
    const view = await showReadonly(await adminSession());
    await goTo(view, 'team', 'carol');
    await view.type('2');
    const frame = await view.waitFor(/lab +ops +open/);
    expect(footerOf(frame)).not.toContain('revoke');
    await pressIsInert(view, ['x'], ['Revoked invitation', /lab +ops +revoked/]);
    expect(view.lastFrame()).toMatch(/lab +ops +open/);
  });

  it('the templates page and a template offer no launch', async () => {
    const view = await showReadonly(await adminSession());
    let frame = await goTo(view, 'templates', 'python-ml');
    expect(footerOf(frame)).not.toContain('l launch');
    await pressIsInert(view, ['l'], ['> Launch']);
    await view.type(KEYS.enter);
    frame = await view.waitFor('Templates > ');
    expect(footerOf(frame)).not.toContain('l launch');
    await pressIsInert(view, ['l'], ['> Launch']);
  });
});
