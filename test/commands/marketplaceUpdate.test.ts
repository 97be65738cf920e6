import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMarketplaceCommand } from '../../source/commands/marketplaceCommand.js';
import { runCommand, testEnvironment } from './commandHarness.js';

const demo = { demo: true };

describe('marketplace update on the demo account', () => {
  it('shows the versions, changelog and line diff first, installs only with --yes, and keeps following new versions', async () => {
    const env = testEnvironment();
    const installed = await runCommand(runMarketplaceCommand, ['install', 'survey-r'], env, demo);
    expect(installed.code).toBe(0);
    expect(installed.stdout).toContain('Installed survey-r@0.9.0');
    const file = join(env.CWS_CONFIG_DIR ?? '', 'templates', 'marketplace', 'survey-r.yml');
    const before = await readFile(file, 'utf8');

    const none = await runCommand(runMarketplaceCommand, ['update'], env, demo);
    expect(none.code).toBe(0);
    expect(none.stdout).toContain('survey-r: 0.9.0 is the newest');

    const approved = await runCommand(runMarketplaceCommand, ['review', 'survey-r@1.0.0', 'approve'], env, {
      ...demo,
      reason: 'brms checked',
    });
    expect(approved.code).toBe(0);

    // Without a terminal and without --yes: the preview only, and the installed file is untouched.
    const preview = await runCommand(runMarketplaceCommand, ['update'], env, demo);
    expect(preview.code).toBe(2);
    expect(preview.stdout).toContain('survey-r: 0.9.0 -> 1.0.0');
    expect(preview.stdout).toContain('1.0.0 (approved): brms added; awaiting approval');
    expect(preview.stdout).toContain('--- survey-r@0.9.0');
    expect(preview.stdout).toContain('+++ survey-r@1.0.0');
    expect(preview.stdout).toContain('-description: "R with survey, lavaan and tidyverse"');
    expect(preview.stdout).toContain('+description: "R with survey, lavaan, tidyverse and brms"');
    expect(preview.stdout).not.toContain('+name:');
    expect(preview.stderr).toContain('add --yes');
    expect(await readFile(file, 'utf8')).toBe(before);

    const updated = await runCommand(runMarketplaceCommand, ['update'], env, { ...demo, yes: true });
    expect(updated.code).toBe(0);
    expect(updated.stdout).toContain('survey-r: installed 1.0.0');
    expect(updated.stdout).toContain('1 updated.');
    expect(await readFile(file, 'utf8')).toContain('brms');
    const provenance = JSON.parse(await readFile(`${file}.provenance.json`, 'utf8'));
    expect(provenance).toMatchObject({ version: '1.0.0', pinned: false });

    const again = await runCommand(runMarketplaceCommand, ['update'], env, demo);
    expect(again.stdout).toContain('survey-r: 1.0.0 is the newest');
  });

  it('leaves a pinned template where it is', async () => {
    const env = testEnvironment();
    expect(
      (await runCommand(runMarketplaceCommand, ['install', 'rnaseq-pipeline@1.0.0'], env, demo)).code,
    ).toBe(0);
    const result = await runCommand(runMarketplaceCommand, ['update'], env, demo);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('rnaseq-pipeline: pinned at 1.0.0');
    expect(result.stdout).toContain('0 updated.');
  });
});
