import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../source/app/App.js';
import type { Session } from '../../../source/app/session/Session.js';
import { createTheme } from '../../../source/app/theme.js';
import { parsePolicy } from '../../../source/core/policy/parsePolicy.js';
import { openDemoSession, tempEnv } from '../../app/demoSession.js';
import { KEYS, type RenderedTui, renderTui } from '../../app/fakeTerminal.js';

let tui: RenderedTui | undefined;
afterEach(() => {
  tui?.unmount();
  tui = undefined;
});

/** A session whose user template directory holds a python-ml of its own, shadowing the built-in. */
async function sessionWithUserTemplate(): Promise<Session> {
  const env = tempEnv();
  const directory = join(env.CWS_CONFIG_DIR ?? '', 'templates');
  mkdirSync(directory, { recursive: true });
  writeFileSync(
    join(directory, 'python-ml.yml'),
    [
      'name: Python ML (lab)',
      'slug: python-ml',
      'description: "The lab\'s own \\u001b[31mPython\\u001b[0m stack"',
      'inherits: [jupyter-server]',
      'packages:',
      '  pip: [torch, lab-tools]',
      'sizes:',
      '  S: t3.large',
      '  GPU: g5.xlarge',
      '',
    ].join('\n'),
  );
  const session = await openDemoSession({ ...env, CWS_TEMPLATE_PATH: directory });
  const restricted: Session = Object.create(session);
  Object.defineProperty(restricted, 'profile', {
    value: { ...session.profile, policy: parsePolicy('templates:\n  deny: ["r-*"]\n') },
  });
  return restricted;
}

describe.each([
  { columns: 80, rows: 24 },
  { columns: 120, rows: 40 },
])('the templates browser at $columns x $rows', (size) => {
  async function openBrowser(): Promise<RenderedTui> {
    const session = await sessionWithUserTemplate();
    tui = renderTui(
      <App openSession={() => Promise.resolve(session)} theme={createTheme(false)} refreshMs={60_000} />,
      size,
    );
    const view = tui;
    await view.waitFor('workstations');
    await view.type(':');
    await view.type('templates');
    await view.type(KEYS.enter);
    await view.waitFor('SLUG');
    return view;
  }
  const fits = (view: RenderedTui) =>
    expect(view.lastFrame().split('\n').length).toBeLessThanOrEqual(size.rows - 1);

  it('lists the templates with their source, marks the shadowing one and dims the forbidden', async () => {
    const view = await openBrowser();
    const frame = await view.waitFor('python-ml *');
    expect(frame).toMatch(/\d+ templates · 1 forbidden by the policy \(dimmed\) · \* shadows/);
    expect(frame).toMatch(/> amazon-linux-2023 +Amazon Linux 2023 +ssh +al2023/);
    expect(frame).toMatch(/python-ml \* +Python ML \(lab\) +web/);
    fits(view);
    // The list is longer than the screen: the last built-in is found by filtering.
    await view.type('/');
    await view.type('ubuntu-24');
    await view.type(KEYS.enter);
    await view.waitFor(/ubuntu-24-04 .*built-in ubuntu-/);
    await view.type(KEYS.esc);
    await view.waitFor(/^\d+ templates/m);
    await view.type('/');
    await view.type('r-res');
    await view.type(KEYS.enter);
    const filtered = await view.waitFor('1 of');
    expect(filtered).toMatch(/> r-research/);
    // A forbidden template offers no launch key.
    expect(filtered).not.toMatch(/l launch/);
  });

  it('opens the resolved template and launches it with l', async () => {
    const view = await openBrowser();
    await view.type('/');
    await view.type('python-ml');
    await view.type(KEYS.enter);
    await view.waitFor('> python-ml *');
    await view.type(KEYS.enter);
    let frame = await view.waitFor('Inheritance');
    expect(frame).toMatch(/Inheritance +ubuntu-24-04 > jupyter-server > python-ml/);
    // Text from a template file is drawn without its escape sequences.
    expect(frame).toContain("The lab's own Python stack");
    expect(frame).not.toContain('\u001b[31m');
    expect(frame).toMatch(/Shadows +.*templates\/python-ml\.yml/);
    fits(view);
    // Back on the list the filter and the selection are as they were.
    await view.type(KEYS.esc);
    await view.waitFor(/1 of \d+ templates/);
    await view.type(KEYS.enter);
    frame = await view.waitFor('Inheritance');
    await view.type('/');
    await view.type('pip');
    await view.type(KEYS.enter);
    frame = await view.waitFor(/pip +.*torch, lab-tools/);
    await view.type(KEYS.esc);
    await view.type('/');
    await view.type('GPU');
    await view.type(KEYS.enter);
    frame = await view.waitFor(/GPU +g5\.xlarge: 4 vCPU · 16 GiB · 1 GPU \(NVIDIA A10G\), \$1\.0060\/h/);
    await view.type(KEYS.esc);
    await view.type('l');
    await view.waitFor('step 2 of 5: Size · python-ml');
    // The sizes are priced after the step appears.
    frame = await view.waitFor(/> S +t3\.large/);
    fits(view);
  });
});
