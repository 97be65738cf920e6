import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../source/app/App.js';
import { createTheme } from '../../../source/app/theme.js';
import { TAG } from '../../../source/core/ports.js';
import { openDemoSession, seedWorkstation } from '../../app/demoSession.js';
import { KEYS, type RenderedTui, renderTui } from '../../app/fakeTerminal.js';

let tui: RenderedTui | undefined;
afterEach(() => {
  tui?.unmount();
  tui = undefined;
});

const rowOf = (frame: string, name: string) =>
  frame.split('\n').find((line) => line.slice(2).startsWith(name)) ?? '';
const ratesIn = (line: string) => line.match(/\$[\d,]+\.\d{4}\/h/g) ?? [];

describe('the cost panel and :region', () => {
  it.each([
    { columns: 80, rows: 24 },
    { columns: 120, rows: 40 },
  ])('shows the chosen region only, its totals the sums of its rows, at $columns x $rows', async (size) => {
    const session = await openDemoSession();
    await seedWorkstation(session, 'home-box');
    await session.account.compute.runInstance({
      region: 'eu-west-1',
      name: 'dublin-box',
      image_id: 'ami-0123456789abcdef0',
      instance_type: 'm5.large',
      user_data_base64: Buffer.from('#!/bin/bash\ncws_mark ready\n').toString('base64'),
      client_token: `cost-region-${process.pid}-${size.columns}`,
      tags: { [TAG.managed]: 'true', [TAG.template]: 'python-ml', [TAG.researchUser]: 'alice' },
      root_volume_gb: 30,
      root_volume_type: 'gp3',
      spot: false,
      hibernation: false,
    });
    tui = renderTui(
      <App openSession={() => Promise.resolve(session)} theme={createTheme(false)} refreshMs={60_000} />,
      size,
    );
    await tui.waitFor('dublin-box');
    await tui.type(':');
    await tui.waitFor(':dashboard');
    await tui.type(`cost${KEYS.enter}`);
    let frame = await tui.waitFor(/dublin-box/);
    await tui.waitFor(/home-box/);
    expect(frame).toMatch(/^Burn \$/m);
    expect(frame).toContain('Per workstation\n');

    await tui.type(':');
    await tui.type(`region${KEYS.enter}`);
    await tui.waitFor('Show which region?');
    // all, us-east-1, us-west-2, eu-west-1
    await tui.type('jjj');
    await tui.type(KEYS.enter);
    frame = await tui.waitFor('Per workstation in eu-west-1');
    expect(frame).toMatch(/^eu-west-1: Burn \$/m);
    expect(frame).toContain('dublin-box');
    expect(frame).not.toContain('home-box');
    // The burn rate is the one row's rate; the history stays the account's and says so.
    const burn = ratesIn(frame.split('\n').find((line) => line.startsWith('eu-west-1: Burn')) ?? '')[0];
    expect(burn).toBeDefined();
    expect(ratesIn(rowOf(frame, 'dublin-box'))).toEqual([burn]);
    expect(frame).toContain('days (all regions)');

    await tui.type(':');
    await tui.type(`region${KEYS.enter}`);
    await tui.waitFor('Show which region?');
    await tui.type('k');
    await tui.type(KEYS.enter);
    frame = await tui.waitFor('Per workstation in us-west-2');
    expect(frame).toContain('Nothing in us-west-2: :region shows another or all.');
    expect(frame).toMatch(/^us-west-2: Burn \$0\.0000\/h · today \$0\.00/m);
  });
});
