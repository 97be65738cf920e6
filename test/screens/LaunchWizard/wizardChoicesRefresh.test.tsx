import { afterEach, describe, expect, it } from 'vitest';
import { openDemoSession } from '../../app/demoSession.js';
import { KEYS, type RenderedTui } from '../../app/fakeTerminal.js';
import { chooseTemplate, openWizard } from './wizardHarness.js';

let tui: RenderedTui | undefined;
afterEach(() => {
  tui?.unmount();
  tui = undefined;
});

describe('the launch wizard lists what exists now', () => {
  it('shows an EFS file system made after it opened on entering the storage step, and another on r', async () => {
    const session = await openDemoSession();
    tui = await openWizard({ columns: 80, rows: 24 }, session);
    const view = tui;
    await chooseTemplate(view, 'python-ml');
    await view.waitFor('t3.large');
    // Made while the size step shows: the list the template's choice loaded does not have it.
    await session.account.storage.createFileSystem(session.account.defaultRegion, 'made-meanwhile', {});
    await view.type(KEYS.enter);
    let frame = await view.waitFor('(made-meanwhile)');
    expect(frame).toContain('r refresh EFS');
    await session.account.storage.createFileSystem(session.account.defaultRegion, 'made-later', {});
    await view.type('r');
    frame = await view.waitFor('(made-later)');
    expect(frame).toContain('(made-meanwhile)');
    expect(frame).toContain('step 3 of 5: Storage');
  });

  it('describes a SageMaker size next to its price (ml.m5.xlarge is 4 vCPU, not "not in the catalog")', async () => {
    tui = await openWizard({ columns: 80, rows: 24 });
    const view = tui;
    await chooseTemplate(view, 'sagemaker-studio');
    const frame = await view.waitFor('ml.m5.xlarge');
    expect(frame).toMatch(/ml\.m5\.xlarge +4 vCPU · 16 GiB +\$\d+\.\d{4}\/h/);
    expect(frame).not.toContain('not in the catalog');
  });
});
