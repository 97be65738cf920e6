import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../source/app/App.js';
import { openSession } from '../../../source/app/session/openSession.js';
import type { Session } from '../../../source/app/session/Session.js';
import { createTheme } from '../../../source/app/theme.js';
import { runInviteCommand } from '../../../source/commands/inviteCommand.js';
import { runProfilesCommand } from '../../../source/commands/profilesCommand.js';
import { KEYS, type RenderedTui, renderTui } from '../../app/fakeTerminal.js';
import { runCommand, testEnvironment } from '../../commands/commandHarness.js';

const labPolicy = fileURLToPath(new URL('../../fixtures/policies/lab.yaml', import.meta.url));

let tui: RenderedTui | undefined;
afterEach(() => {
  tui?.unmount();
  tui = undefined;
});

/** A researcher who accepted the lab's invitation: an invited profile with a one-link chain. */
async function invitedSession(): Promise<Session> {
  const admin = testEnvironment();
  await runCommand(runProfilesCommand, ['create', 'ops'], admin, {
    awsProfile: 'lab',
    region: 'us-east-1',
    admin: true,
  });
  const created = await runCommand(runInviteCommand, ['create', 'lab'], admin, {
    json: true,
    user: 'alice',
    policy: labPolicy,
  });
  const { token } = JSON.parse(created.stdout) as { token: string };
  const researcher = testEnvironment();
  await runCommand(runInviteCommand, ['accept', token], researcher);
  return openSession({ env: researcher, demo: true });
}

async function openPolicy(session: Session, size: { columns: number; rows: number }): Promise<RenderedTui> {
  tui = renderTui(
    <App openSession={() => Promise.resolve(session)} theme={createTheme(false)} refreshMs={60_000} />,
    size,
  );
  await tui.waitFor('No workstations');
  await tui.type(':');
  await tui.waitFor(':dashboard');
  await tui.type(`policy${KEYS.enter}`);
  await tui.waitFor('What if');
  await tui.waitFor(/ALLOWED|DENIED/);
  return tui;
}

describe.each([
  { columns: 80, rows: 24 },
  { columns: 120, rows: 40 },
])('the policy viewer at $columns x $rows', (size) => {
  it('shows the restrictions and the invitation chain they come from', async () => {
    const view = await openPolicy(await invitedSession(), size);
    let frame = view.lastFrame();
    expect(frame.split('\n').length).toBeLessThanOrEqual(size.rows - 1);
    expect(frame).toContain('Restrictions of profile lab (invited, member)');
    expect(frame).toContain('instance_types: allow t3.*, m7i.large, m7i.xlarge; deny p5.*');
    // Scroll to the end of the chain, noting every line that went by.
    const seen = new Set(frame.split('\n'));
    for (let press = 0; press < 40; press++) {
      await view.type('j', 5);
      for (const line of view.lastFrame().split('\n')) seen.add(line);
    }
    frame = await view.waitFor('The chain is intact');
    expect([...seen].some((line) => /^ {2}1\. \S+ +SHA256:\S+ +\d{4}-\d\d-\d\d/.test(line))).toBe(true);
    expect(frame.split('\n').length).toBeLessThanOrEqual(size.rows - 1);
  });

  it('tests a template and an instance type in the what-if form', async () => {
    const view = await openPolicy(await invitedSession(), size);
    await view.type('t');
    for (let press = 0; press < 12; press++) await view.type(KEYS.backspace, 5);
    // The open field takes every key: q is typed, it does not quit.
    await view.type('q');
    expect(view.lastFrame()).toMatch(/Type q_ /);
    await view.type(KEYS.backspace);
    await view.type('p5.48xlarge');
    await view.type(KEYS.enter);
    let frame = view.lastFrame();
    expect(frame).toMatch(/DENIED: \S+ on p5\.48xlarge in us-east-1 \(on-demand/);
    expect(frame).toMatch(/x instance_types\.deny: the instance type 'p5\.48xlarge' is denied/);
    await view.type('t');
    for (let press = 0; press < 12; press++) await view.type(KEYS.backspace, 5);
    await view.type(`t3.medium${KEYS.enter}`);
    await view.type('s');
    frame = view.lastFrame();
    expect(frame).toContain('Purchase spot');
    expect(frame).toMatch(/on t3\.medium in us-east-1 \(spot, \$0\.\d{4}\/h\)/);
    // The lab requires project and grant tags: the form says so rather than pretending.
    expect(frame).toMatch(/required_tags/);
    expect(frame.split('\n').length).toBeLessThanOrEqual(size.rows - 1);
  });
});

describe('the policy viewer without a profile', () => {
  it('says that nothing was handed down and allows what the empty policy allows', async () => {
    const view = await openPolicy(await openSession({ env: testEnvironment(), demo: true }), {
      columns: 80,
      rows: 24,
    });
    const frame = view.lastFrame();
    expect(frame).toContain('Restrictions of profile demo');
    expect(frame).toContain('nothing was handed down');
    expect(frame).toMatch(/ALLOWED: \S+ on \S+ in us-east-1/);
    await view.type(']');
    expect(view.lastFrame()).toMatch(/ALLOWED/);
  });
});
