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

describe('the rightsize page', () => {
  it('lists the top savings first, from the palette', async () => {
    const session = await openDemoSession();
    await seedWorkstation(session, 'oversized', { type: 'm7i.4xlarge' });
    tui = renderTui(
      <App openSession={() => Promise.resolve(session)} theme={createTheme(false)} refreshMs={60_000} />,
      {
        columns: 120,
        rows: 30,
      },
    );
    await tui.waitFor('oversized');
    await tui.type(':');
    await tui.waitFor(':dashboard');
    await tui.type(`rightsize${KEYS.enter}`);
    await tui.waitFor(/Top savings: \$[\d,.]+\/month/);
    expect(tui.lastFrame()).toContain('oversized');
  });
});
