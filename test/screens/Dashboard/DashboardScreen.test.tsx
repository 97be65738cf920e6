import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../source/app/App.js';
import { createTheme } from '../../../source/app/theme.js';
import type { Workstation } from '../../../source/core/workstations/Workstation.js';
import { openDemoSession, sessionListing } from '../../app/demoSession.js';
import { KEYS, type RenderedTui, renderTui } from '../../app/fakeTerminal.js';

const STATES = ['running', 'stopped', 'pending'] as const;

function manyWorkstations(count: number): Workstation[] {
  return Array.from({ length: count }, (_, n) => ({
    id: `i-${String(n).padStart(17, '0')}`,
    name: `ws-${String(n).padStart(5, '0')}`,
    kind: 'ec2',
    template: n % 2 ? 'python-ml' : 'r-studio',
    region: 'us-east-1',
    state: STATES[n % STATES.length] ?? 'running',
    hibernated: false,
    instance_type: 't3.medium',
    launched_at: '2026-11-02T10:00:00Z',
    hourly_cost: 0.0416 + n / 1e6,
    research_user: `user${n % 50}`,
    connect: 'ssh',
  }));
}

let tui: RenderedTui | undefined;
afterEach(() => {
  tui?.unmount();
  tui = undefined;
});

const selected = (frame: string) => frame.split('\n').find((line) => line.startsWith('>')) ?? '';

describe.each([
  { columns: 80, rows: 24 },
  { columns: 120, rows: 40 },
])('the dashboard at $columns x $rows with 10,000 workstations', (size) => {
  async function show() {
    const session = sessionListing(await openDemoSession(), manyWorkstations(10_000));
    tui = renderTui(
      <App openSession={() => Promise.resolve(session)} theme={createTheme(false)} refreshMs={60_000} />,
      size,
    );
    await tui.waitFor('10,000 workstations');
    return tui;
  }

  it('draws only the rows that fit, and jumps to the last and first', async () => {
    const view = await show();
    const frame = view.lastFrame();
    expect(frame.split('\n').length).toBeLessThanOrEqual(size.rows - 1);
    expect(frame).toContain('ws-00000');
    expect(frame).not.toContain('ws-00100');
    // A long list says where the view is, and at 80 columns what the short state names mean.
    expect(frame).toMatch(/ 1-\d+\/10,000\b/);
    if (size.columns === 80) expect(frame).toContain('pend pending · run running · stop stopped');
    await view.type('G');
    expect(selected(view.lastFrame())).toContain('ws-09999');
    await view.type('g');
    expect(selected(view.lastFrame())).toContain('ws-00000');
  });

  it('pages down by the visible height', async () => {
    const view = await show();
    await view.type(KEYS.pageDown);
    // The table gets the rows left by the shell (5), the status line (1) and, at 80 columns, the
    // legend of the short state names (1); its heading takes one, and a page keeps one row of context.
    const page = size.rows - 5 - 1 - (size.columns === 80 ? 1 : 0) - 2;
    const index = Number(/ws-(\d+)/.exec(selected(view.lastFrame()))?.[1]);
    expect(index).toBe(page);
    await view.type(KEYS.pageUp);
    expect(selected(view.lastFrame())).toContain('ws-00000');
  });

  it('sorts by another column with o and reverses with O', async () => {
    const view = await show();
    await view.type('o');
    let frame = view.lastFrame();
    expect(frame).toContain('STATE▲');
    // Short state names at 80 columns (the legend under the table spells them out).
    expect(selected(frame)).toContain(size.columns === 80 ? ' pend ' : 'pending');
    await view.type('O');
    frame = view.lastFrame();
    expect(frame).toContain('STATE▼');
    expect(selected(frame)).toContain(size.columns === 80 ? ' stop ' : 'stopped');
  });
});
