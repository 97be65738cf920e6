import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../source/app/App.js';
import { createTheme } from '../../../source/app/theme.js';
import {
  initialWizardState,
  launchWizardReducer,
  wizardSteps,
} from '../../../source/screens/LaunchWizard/launchWizardReducer.js';
import { wizardLaunchRequest } from '../../../source/screens/LaunchWizard/wizardLaunchRequest.js';
import { openDemoSession, tempEnv } from '../../app/demoSession.js';
import { KEYS, type RenderedTui, renderTui } from '../../app/fakeTerminal.js';

const content = fileURLToPath(new URL('../../fixtures/cloudworkstation/content', import.meta.url));

let tui: RenderedTui | undefined;
afterEach(() => {
  tui?.unmount();
  tui = undefined;
});

describe('the launch wizard asks for a template’s parameters', () => {
  it('adds the page only for a workstation template that has parameters, and sends the values changed', () => {
    expect(wizardSteps({ slug: 'x', kind: 'ec2', has_sizes: false, has_parameters: true })).toEqual([
      'template',
      'size',
      'storage',
      'parameters',
      'options',
      'review',
    ]);
    let state = launchWizardReducer(initialWizardState(), {
      type: 'choose-template',
      slug: 's3-datasets',
      kind: 'ec2',
      has_sizes: false,
      has_parameters: true,
      name: 's3-datasets-1',
    });
    state = { ...state, step: 'parameters' };
    state = launchWizardReducer(state, { type: 'set-parameter', name: 'dataset', value: 'tp53' });
    state = launchWizardReducer(state, { type: 'confirm-parameters', problem: "parameter x: 'y' is bad" });
    expect(state.step).toBe('parameters');
    expect(state.problem).toBe("parameter x: 'y' is bad");
    state = launchWizardReducer(state, { type: 'confirm-parameters' });
    expect(state.step).toBe('options');
    expect(wizardLaunchRequest(state)?.parameters).toEqual({ dataset: 'tp53' });
    // Another template: its parameters are not this one's.
    state = launchWizardReducer(state, {
      type: 'choose-template',
      slug: 'other',
      kind: 'ec2',
      has_sizes: false,
      name: 'other-1',
    });
    expect(state.parameters).toBeUndefined();
  });

  it('shows the defaults, cycles a choice with Space, refuses a bad number with the reason, and launches', async () => {
    const session = await openDemoSession({ ...tempEnv(), CWS_TEMPLATE_PATH: content });
    tui = renderTui(
      <App openSession={() => Promise.resolve(session)} theme={createTheme(false)} refreshMs={60_000} />,
      { columns: 120, rows: 40 },
    );
    const view = tui;
    await view.waitFor(/\d+ workstations? · updated/);
    await view.type(':');
    await view.type('launch');
    await view.type(KEYS.enter);
    await view.waitFor('python-ml');
    await view.type('/');
    await view.type('jupyter-parameters');
    await view.type(KEYS.enter);
    await view.waitFor('> jupyter-parameters ');
    await view.type(KEYS.enter);
    await view.waitFor('Size');
    await view.type(KEYS.enter);
    await view.waitFor('Root volume (GB)');
    await view.type(KEYS.enter);
    let frame = await view.waitFor('step 4 of 6: Parameters');
    expect(frame).toMatch(/> Project directory +notebooks_ +Where notebooks live/);
    expect(frame).toMatch(
      /pandas_version +2\.2\.2 +pandas release to install; one of 2\.1\.4, 2\.2\.2 \(Space\)/,
    );
    await view.type(KEYS.tab);
    await view.type(' ');
    frame = await view.waitFor(/pandas_version +2\.1\.4/);
    await view.type(KEYS.tab);
    await view.type(KEYS.backspace);
    await view.type(KEYS.backspace);
    await view.type('8');
    frame = await view.waitFor("parameter max_buffer_mb: '8' is below 16");
    await view.type(KEYS.enter);
    await view.waitFor(/step 4 of 6: Parameters[\s\S]*parameter max_buffer_mb: '8' is below 16/);
    await view.type(KEYS.backspace);
    await view.type('32');
    await view.type(KEYS.enter);
    await view.waitFor('Name and options');
    await view.type(KEYS.enter);
    const review = await view.waitFor('Enter launches');
    expect(review).toMatch(/Parameters +pandas_version=2\.1\.4 · max_buffer_mb=32/);
    await view.type(KEYS.enter);
    await view.waitFor(/jupyter-parameters-1 is running/, 10_000);
  });
});
