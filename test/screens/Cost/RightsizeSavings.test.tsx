import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../source/app/App.js';
import { createTheme } from '../../../source/app/theme.js';
import {
  rightsizeWorkstations,
  type WorkstationRightsizing,
} from '../../../source/core/rightsize/rightsizeWorkstations.js';
import { rightsizeSavingsLine } from '../../../source/screens/Cost/rightsizeSavingsLine.js';
import { openDemoSession, seedWorkstation } from '../../app/demoSession.js';
import { KEYS, type RenderedTui, renderTui } from '../../app/fakeTerminal.js';

let tui: RenderedTui | undefined;
afterEach(() => {
  tui?.unmount();
  tui = undefined;
});

const evidence = { samples: 336, p95_cpu_percent: 4 };
const downsize = (workstation: string, saving: number): WorkstationRightsizing => ({
  workstation,
  verdict: 'downsize',
  current: 'm7i.4xlarge',
  recommended: 'm7i.large',
  evidence,
  monthly_saving_usd: saving,
  reason: 'p95 CPU 4%',
});

describe('rightsizeSavingsLine', () => {
  it('totals the downsizes and names the biggest three, biggest first', () => {
    const line = rightsizeSavingsLine([
      downsize('a', 100),
      {
        workstation: 'up',
        verdict: 'upsize',
        current: 't3.small',
        recommended: 't3.large',
        evidence,
        monthly_saving_usd: -30,
        reason: 'p95 CPU 95%',
      },
      downsize('b', 500),
      downsize('c', 50),
      downsize('d', 200),
    ]);
    expect(line).toBe(
      'Rightsizing saves $850.00/month: b m7i.4xlarge -> m7i.large $500.00, d m7i.4xlarge -> m7i.large $200.00, a m7i.4xlarge -> m7i.large $100.00, +1 more · :rightsize',
    );
  });

  it('says when there is nothing to save, and when there is nothing to look at', () => {
    expect(
      rightsizeSavingsLine([
        { workstation: 'fine', verdict: 'keep', current: 't3.large', evidence, reason: 'p95 CPU 45%' },
      ]),
    ).toBe('Rightsizing: no smaller type would do (14 days of metrics) · :rightsize');
    expect(rightsizeSavingsLine([])).toBe('Rightsizing: no EC2 workstation to look at');
  });

  it('keeps escape sequences in a name off the terminal', () => {
    expect(rightsizeSavingsLine([downsize('evil\u001b[2J', 10)])).not.toContain('\u001b');
  });
});

describe('the cost page', () => {
  it('shows the top rightsizing savings under the totals', async () => {
    const session = await openDemoSession();
    // 64 vCPUs: the demo's made-up load (at most six busy vCPUs) always fits a smaller type.
    await seedWorkstation(session, 'oversized', { type: 'm7i.16xlarge', hibernation: false });
    tui = renderTui(
      <App openSession={() => Promise.resolve(session)} theme={createTheme(false)} refreshMs={60_000} />,
      { columns: 120, rows: 30 },
    );
    await tui.waitFor('oversized');
    await tui.type(':');
    await tui.waitFor(':dashboard');
    await tui.type(`cost${KEYS.enter}`);
    // The demo's metrics are made up per instance id: the page shows what rightsizing finds.
    const expected = rightsizeSavingsLine(
      await rightsizeWorkstations(session.operationsContext(), await session.listWorkstations()),
    );
    expect(expected).toMatch(
      /^Rightsizing saves \$[\d,.]+\/month: oversized m7i\.16xlarge -> m7i\.\w+ \$[\d,.]+ · :rightsize$/,
    );
    await tui.waitFor(expected);
    expect(tui.lastFrame().split('\n').length).toBeLessThanOrEqual(29);
  });
});
