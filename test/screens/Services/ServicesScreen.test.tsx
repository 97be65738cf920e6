import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../source/app/App.js';
import { createTheme } from '../../../source/app/theme.js';
import { openDemoSession, seedWorkstation } from '../../app/demoSession.js';
import { KEYS, type RenderedTui, renderTui } from '../../app/fakeTerminal.js';

let tui: RenderedTui | undefined;
afterEach(() => {
  tui?.unmount();
  tui = undefined;
});

describe.each([
  { columns: 80, rows: 24 },
  { columns: 120, rows: 40 },
])(':services at $columns x $rows', (size) => {
  it('lists the web services side by side and leaves the plain SSH workstations out', async () => {
    const session = await openDemoSession();
    await seedWorkstation(session, 'notebook-box', {
      template: 'python-ml',
      tags: { 'cws:connect': 'web :8888' },
    });
    await seedWorkstation(session, 'plain-box', { template: 'ubuntu-24-04', tags: { 'cws:connect': 'ssh' } });
    await session.launchService({
      template: 'sagemaker-studio',
      name: 'studio',
      spot: false,
      hibernation: false,
    });
    tui = renderTui(
      <App openSession={() => Promise.resolve(session)} theme={createTheme(false)} refreshMs={60_000} />,
      size,
    );
    await tui.waitFor('plain-box');
    await tui.type(':services');
    await tui.type(KEYS.enter);
    await tui.waitFor('2 services');
    const frame = tui.lastFrame();
    expect(frame).toContain('notebook-box');
    expect(frame).toContain('studio');
    expect(frame).not.toContain('plain-box');
    expect(frame.split('\n').length).toBeLessThanOrEqual(size.rows - 1);
    await tui.type(KEYS.esc);
    await tui.waitFor('3 workstations');
  });
});
