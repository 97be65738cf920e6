import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../source/app/App.js';
import type { Session } from '../../../source/app/session/Session.js';
import { createTheme } from '../../../source/app/theme.js';
import { runStorageCommand } from '../../../source/commands/storageCommand.js';
import { openDemoSession, seedWorkstation, tempEnv } from '../../app/demoSession.js';
import { KEYS, type RenderedTui, renderTui } from '../../app/fakeTerminal.js';
import { runCommand } from '../../commands/commandHarness.js';

let tui: RenderedTui | undefined;
afterEach(() => {
  tui?.unmount();
  tui = undefined;
});

describe('findings on the cost page', () => {
  it('shows every service’s findings with v, biggest saving first, and the selected one’s fix', async () => {
    const env = tempEnv();
    const created = JSON.parse(
      (
        await runCommand(runStorageCommand, ['create', 'results'], env, {
          type: 'lustre',
          deployment: 'persistent2',
          capacity: '2400',
          throughput: '500',
          json: true,
        })
      ).stdout,
    ) as { id: string };
    const session = await openDemoSession(env);
    await seedWorkstation(session, 'thesis');
    tui = renderTui(
      <App openSession={() => Promise.resolve(session)} theme={createTheme(false)} refreshMs={60_000} />,
      { columns: 120, rows: 30 },
    );
    await tui.waitFor('thesis');
    await tui.type(':');
    await tui.waitFor(':dashboard');
    await tui.type(`cost${KEYS.enter}`);
    await tui.waitFor('Burn $');
    await tui.type('v');
    await tui.waitFor('Per service');
    await tui.type('v');
    const frame = await tui.waitFor('Findings: 1, up to $468.00/month');
    expect(frame).toMatch(/\$468\.00 +FSx +results \(fs-\w+.* its busiest hour/);
    expect(frame).toContain(`fix: cws-tui storage throughput ${created.id} 125 --region us-east-1`);
    expect(frame.split('\n').length).toBeLessThanOrEqual(29);
    // The filter narrows findings as it does the other views.
    await tui.type('/');
    await tui.type('nothing-like-it');
    await tui.type(KEYS.enter);
    expect(await tui.waitFor('No finding matches the filter')).not.toContain('results (fs-');
  });

  it('names a service whose findings cannot be read, under the others', async () => {
    const session = await openDemoSession(tempEnv());
    await seedWorkstation(session, 'thesis');
    // EMR refuses its listing: its note shows, storage and ParallelCluster still answer.
    const refused = {
      ...session.account.bigdata,
      clusters: {
        ...session.account.bigdata.clusters,
        listClusters: async () => {
          throw new Error('AccessDeniedException: not authorized to perform elasticmapreduce:ListClusters');
        },
      },
    };
    const broken: Session = Object.create(session, {
      account: { value: { ...session.account, bigdata: refused } },
    });
    tui = renderTui(
      <App openSession={() => Promise.resolve(broken)} theme={createTheme(false)} refreshMs={60_000} />,
      { columns: 120, rows: 30 },
    );
    await tui.waitFor('thesis');
    await tui.type(':');
    await tui.waitFor(':dashboard');
    await tui.type(`cost${KEYS.enter}`);
    await tui.waitFor('Burn $');
    await tui.type('v');
    await tui.waitFor('Per service');
    await tui.type('v');
    const frame = await tui.waitFor('EMR findings are not shown: AccessDeniedException');
    expect(frame).toContain('Findings: 0, up to $0.00/month');
  });
});
