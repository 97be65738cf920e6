import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../source/app/App.js';
import type { Session } from '../../../source/app/session/Session.js';
import { createTheme } from '../../../source/app/theme.js';
import { TAG } from '../../../source/core/ports.js';
import { openDemoSession, seedWorkstation } from '../../app/demoSession.js';
import { KEYS, type RenderedTui, renderTui } from '../../app/fakeTerminal.js';

let tui: RenderedTui | undefined;
afterEach(() => {
  tui?.unmount();
  tui = undefined;
});

const NARROW = { columns: 80, rows: 24 };
const WIDE = { columns: 120, rows: 40 };

function show(session: Session, size: { columns: number; rows: number }, readonly = false): RenderedTui {
  tui = renderTui(
    <App
      openSession={() => Promise.resolve(session)}
      theme={createTheme(false)}
      refreshMs={60_000}
      readonly={readonly}
    />,
    size,
  );
  return tui;
}

/** A workstation in another region than the session's, tagged as the launch pipeline tags it. */
async function seedIn(session: Session, region: string, name: string, type = 't3.medium', spot = false) {
  await session.account.compute.runInstance({
    region,
    name,
    image_id: 'ami-0123456789abcdef0',
    instance_type: type,
    user_data_base64: Buffer.from('#!/bin/bash\ncws_mark ready\n').toString('base64'),
    client_token: `habits-${process.pid}-${name}`,
    tags: { [TAG.managed]: 'true', [TAG.template]: 'python-ml', [TAG.researchUser]: 'alice' },
    root_volume_gb: 30,
    root_volume_type: 'gp3',
    spot,
    hibernation: false,
  });
}

const rowOf = (frame: string, name: string) =>
  frame.split('\n').find((line) => line.slice(2).startsWith(name)) ?? '';

describe('regions on the dashboard', () => {
  it('shows REGION at 80 columns only when rows of several regions are shown, and :region picks one', async () => {
    const session = await openDemoSession();
    await seedWorkstation(session, 'home-box');
    await seedIn(session, 'eu-west-1', 'dublin-box');
    const view = show(session, NARROW);
    let frame = await view.waitFor('dublin-box');
    expect(frame).toContain('us-east-1 +3 regions');
    expect(frame).toMatch(/ REGION /);
    expect(rowOf(frame, 'dublin-box')).toContain('eu-west-1');
    expect(rowOf(frame, 'home-box')).toContain('us-east-1');

    await view.type(':');
    await view.type('region');
    await view.type(KEYS.enter);
    await view.waitFor('Show which region?');
    // all, us-east-1, us-west-2, eu-west-1
    await view.type('jjj');
    await view.type(KEYS.enter);
    frame = await view.waitFor('1 workstation in eu-west-1');
    expect(frame).toContain('region eu-west-1 only');
    expect(frame).toContain('dublin-box');
    expect(frame).not.toContain('home-box');
    // One region shown: its name is in the header, the column is not needed at 80 columns.
    expect(frame).not.toMatch(/ REGION /);

    await view.type(':');
    await view.type('region');
    await view.type(KEYS.enter);
    await view.waitFor('(shown now)');
    await view.type('g');
    await view.type(KEYS.up.repeat(4));
    await view.type(KEYS.enter);
    frame = await view.waitFor('2 workstations');
    expect(frame).toContain('us-east-1 +3 regions');
  });

  it('shows the REGION column at 120 columns even for one region, with the region-specific price', async () => {
    const session = await openDemoSession();
    await seedWorkstation(session, 'home-box');
    const view = show(session, WIDE);
    const frame = await view.waitFor(/home-box.*\$0\.\d{4}/);
    expect(frame).toMatch(/ REGION /);
    expect(rowOf(frame, 'home-box')).toMatch(/us-east-1 +running/);
  });
});

describe('badges and short states at 80 columns', () => {
  it('marks GPU and spot rows and explains every short name it uses, never cutting a state', async () => {
    const session = await openDemoSession();
    await seedIn(session, session.info.region, 'gpu-spot', 'g4dn.xlarge', true);
    await seedWorkstation(session, 'plain');
    const view = show(session, NARROW);
    const frame = await view.waitFor(/gpu-spot/);
    expect(rowOf(frame, 'gpu-spot')).toMatch(/g4dn\.xlarge +GS +run /);
    expect(rowOf(frame, 'plain')).toMatch(/t3\.medium +run /);
    expect(frame).toContain('run running · G GPU · S spot');
    expect(frame).not.toMatch(/running:|shutting-…|runn…/);
    // The name has room: TEMPLATE gives way first.
    expect(frame).not.toContain('TEMPLATE');
  });
});

describe('read-only', () => {
  it('says so in the header, offers no key that changes anything, and keeps the rest', async () => {
    const session = await openDemoSession();
    await seedWorkstation(session, 'analysis-1');
    const view = show(session, WIDE, true);
    let frame = await view.waitFor(/analysis-1.*running/);
    expect(frame).toContain('READ-ONLY');
    const footer = frame.split('\n').at(-1) ?? '';
    expect(footer).toContain('c connect');
    expect(footer).not.toMatch(/s start|S stop|\^D terminate|n launch/);
    await view.type('S');
    await view.type('n');
    frame = view.lastFrame();
    expect(frame).toMatch(/analysis-1.*running/);
    expect(frame).not.toContain('Launch');
    await view.type(':');
    await view.type('lau');
    expect(view.lastFrame()).not.toContain(':launch');
    await view.type(KEYS.esc);
    // Reading works: details open.
    await view.type(KEYS.enter);
    await view.waitFor('Dashboard > analysis-1');
  });
});

describe('launching from the dashboard', () => {
  it('says how to launch when empty, and n opens the wizard', async () => {
    const session = await openDemoSession();
    const view = show(session, NARROW);
    await view.waitFor('No workstations in this account yet: press n (or :launch) to launch one.');
    await view.type('n');
    await view.waitFor('Dashboard > Launch');
  });
});

describe('the column chooser', () => {
  it('hides and shows a column with C, keeps NAME, and the name takes the room', async () => {
    const session = await openDemoSession();
    await seedWorkstation(session, 'analysis-1');
    const view = show(session, WIDE);
    await view.waitFor(/analysis-1.*running/);
    expect(view.lastFrame()).toMatch(/ USER /);
    await view.type('C');
    await view.waitFor('Columns');
    expect(view.lastFrame()).toContain('[x] NAME (always)');
    // NAME cannot be hidden.
    await view.type(' ');
    expect(view.lastFrame()).toContain('[x] NAME (always)');
    // Down to USER (NAME, TEMPLATE, TYPE, badges, REGION, STATE, UP, $/H, USER).
    await view.type('jjjjjjjj');
    await view.type(' ');
    await view.waitFor('[ ] USER');
    await view.type(KEYS.esc);
    const frame = await view.waitFor(/^ {2}NAME/m);
    expect(frame).not.toMatch(/ USER /);
    expect(frame).toMatch(/ TEMPLATE /);
    await view.type('C');
    await view.waitFor('[ ] USER');
    await view.type('jjjjjjjj ');
    await view.type(KEYS.esc);
    await view.waitFor(/ USER /);
  });
});
