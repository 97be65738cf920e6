import { afterEach, describe, expect, it } from 'vitest';
import { templateStorageAdvice } from '../../../source/core/fsx/templateStorageAdvice.js';
import { KEYS, type RenderedTui } from '../../app/fakeTerminal.js';
import { chooseTemplate, openWizard } from './wizardHarness.js';

let tui: RenderedTui | undefined;
afterEach(() => {
  tui?.unmount();
  tui = undefined;
});

describe('templateStorageAdvice', () => {
  it("runs the advisor on a template's storage section and names the command that makes it", () => {
    const advice = templateStorageAdvice('hpc-lustre-scratch', {
      type: 'lustre',
      deployment: 'scratch2',
      capacity_gib: 1200,
      throughput: 200,
      pattern: 'hpc-scratch',
      lifetime_days: 14,
      s3: 's3://lab-data/runs',
      import: true,
    });
    expect(advice.declared).toBe('lustre scratch2, 1200 GiB, 200 MB/s/TiB');
    expect(advice.recommendation.pick?.option).toBe('FSx Lustre scratch');
    expect(advice.recommendation.explanation).toContain('shared hpc-scratch at 1200 GiB and 234 MB/s');
    // Scratch's throughput is fixed, so the command leaves it out.
    expect(advice.create_command).toBe(
      'cws-tui storage create hpc-lustre-scratch-data --type lustre --deployment scratch2 --capacity 1200 --s3 s3://lab-data/runs --import',
    );
    const zfs = templateStorageAdvice('research-data-openzfs', { type: 'openzfs', pattern: 'home' });
    expect(zfs.declared).toBe('openzfs single-az-1, 128 GiB, 64 MB/s');
    expect(zfs.create_command).toContain('--type openzfs --capacity 128 --throughput 64');
  });
});

describe("the wizard's storage step", () => {
  it('shows the advisor on the file system a template declares, and nothing for one that declares none', async () => {
    tui = await openWizard({ columns: 160, rows: 40 });
    await chooseTemplate(tui, 'hpc-lustre-scratch');
    await tui.waitFor('step 2 of 5: Size');
    await tui.type(KEYS.enter);
    const frame = await tui.waitFor('Root volume (GB)');
    expect(frame).toMatch(
      /Template storage: lustre scratch2, 1200 GiB, 200 MB\/s\/TiB\. FSx Lustre scratch is the cheapest that fits shared hpc-scratch/,
    );
    expect(frame).toContain(
      'Create it: cws-tui storage create hpc-lustre-scratch-data --type lustre --deployment scratch2',
    );
    tui.unmount();

    tui = await openWizard({ columns: 160, rows: 40 });
    await chooseTemplate(tui, 'python-ml');
    await tui.waitFor('step 2 of 5: Size');
    await tui.type(KEYS.enter);
    expect(await tui.waitFor('Root volume (GB)')).not.toContain('Template storage');
  });
});
