import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../source/app/App.js';
import { createTheme } from '../../../source/app/theme.js';
import { openDemoSession } from '../demoSession.js';

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  unmount = undefined;
});

/** The app on the demo account at 100x24 (ink-testing-library's terminal), its first page drawn. */
async function openApp() {
  const session = await openDemoSession();
  const view = render(
    <App openSession={() => Promise.resolve(session)} theme={createTheme(false)} refreshMs={60_000} />,
  );
  unmount = view.unmount;
  await vi.waitFor(() => expect(view.lastFrame()).toMatch(/workstations? · updated/), { timeout: 10_000 });
  return view;
}

describe('a burst of keys across a page change, in one read', () => {
  it('gives the keys after `:policy` Enter to the policy page once it has loaded, not to the dashboard', async () => {
    const view = await openApp();
    // The policy page's code loads the first time it opens (its module is imported here already, so
    // a loaded machine's slow import cannot time the test out: the page still shows its fallback
    // first). `w` (what if) is its key, and nothing else takes it, so it only works if it waited.
    await import('../../../source/screens/Policy/PolicyScreen.js');
    view.stdin.write(':policy\rw');
    const frame = await vi.waitFor(
      () => {
        const last = view.lastFrame() ?? '';
        expect(last).toContain('What if: a launch checked as');
        return last;
      },
      { timeout: 10_000 },
    );
    expect(frame).toContain('Dashboard > Policy');
  });

  it('opens the wizard and filters its templates from one read: dashboard, wizard, template filter', async () => {
    const view = await openApp();
    view.stdin.write(':launch\r/python-ml\r');
    const frame = await vi.waitFor(
      () => {
        const last = view.lastFrame() ?? '';
        expect(last).toMatch(/^> python-ml /m);
        return last;
      },
      { timeout: 10_000 },
    );
    expect(frame).toContain('step 1 of 5: Template');
    // The filter was typed into the wizard's page and closed by the Enter, in order.
    expect(frame).toContain('/python-ml (/ edit · Esc clear)');
  });
});
