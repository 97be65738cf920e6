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

  it('checks a launch in the what-if form as launch does, and lists every reason', async () => {
    const view = await openPolicy(await invitedSession(), size);
    await view.type('w');
    await view.waitFor('What if: a launch checked as');
    await view.type('t');
    for (let press = 0; press < 12; press++) await view.type(KEYS.backspace, 5);
    // The open field takes every key: q is typed, it does not quit.
    await view.type('q');
    expect(view.lastFrame()).toMatch(/Type q_ /);
    await view.type(KEYS.backspace);
    await view.type('p5.48xlarge');
    await view.type(KEYS.enter);
    let frame = await view.waitFor(/DENIED \(\d+ reasons?\): \S+ on p5\.48xlarge in us-east-1 \(on-demand/);
    expect(frame).toMatch(/x instance_types\.deny: the instance type 'p5\.48xlarge' is denied/);
    // Every reason is listed (the lab requires tags, caps the price and the vCPUs): none is
    // summed up as "… more", and those below the page are reached by scrolling.
    const seen = new Set(frame.split('\n'));
    for (let press = 0; press < 20; press++) {
      await view.type('j', 5);
      for (const line of view.lastFrame().split('\n')) seen.add(line);
    }
    const reasons = [...seen].join('\n');
    expect(reasons).toMatch(/x required_tags/);
    expect(reasons).toMatch(/x max_hourly_cost/);
    expect(reasons).not.toContain('policy test lists them all');

    await view.type('t');
    for (let press = 0; press < 12; press++) await view.type(KEYS.backspace, 5);
    await view.type(`t3.medium${KEYS.enter}`);
    await view.type('a');
    await view.type('project=thesis grant=G-12');
    await view.type(KEYS.enter);
    await view.type('s');
    frame = await view.waitFor(/on t3\.medium in us-east-1 \(spot, \$0\.\d{4}\/h\)/);
    expect(frame).toContain('Purchase spot');
    expect(frame).toContain('Tags project=thesis grant=G-12');
    expect(frame).not.toMatch(/x required_tags/);
    await view.type('r');
    frame = await view.waitFor(/on t3\.medium in (?!us-east-1)\S+ \(spot/);
    expect(frame.split('\n').length).toBeLessThanOrEqual(size.rows - 1);
    await view.type(KEYS.esc);
    await view.waitFor('Restrictions of profile lab');
  });

  it('refuses an instance type that does not exist, as launch refuses it', async () => {
    const view = await openPolicy(await openSession({ env: testEnvironment(), demo: true }), size);
    await view.type('w');
    await view.type('t');
    for (let press = 0; press < 12; press++) await view.type(KEYS.backspace, 5);
    await view.type(`xq9.huge${KEYS.enter}`);
    const frame = await view.waitFor(/REFUSED(?: \(\d+ reasons?\))?: \S+ on xq9\.huge in us-east-1/);
    expect(frame).toMatch(/x the instance type '?xq9\.huge'? does not exist/);
    expect(frame).not.toContain('ALLOWED');
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
