import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runImageCommand } from '../../source/commands/imageCommand.js';
import { runLaunchCommand } from '../../source/commands/launchCommand.js';
import { runListCommand } from '../../source/commands/listCommand.js';
import { runCommand, testEnvironment } from './commandHarness.js';

describe('cws-tui image save on the demo account', () => {
  it('stops the workstation when asked, creates an AMI and writes an ami-based template for it', async () => {
    const env = testEnvironment();
    await runCommand(runLaunchCommand, ['ubuntu-24-04', 'tuned'], env);
    const saved = await runCommand(runImageCommand, ['save', 'tuned'], env, {
      asTemplate: 'tuned-env',
      stopFirst: true,
      yes: true,
      json: true,
    });
    const { image, template_path } = JSON.parse(saved.stdout) as {
      image: { id: string };
      template_path: string;
    };
    expect(image.id).toMatch(/^ami-0[0-9a-f]{16}$/);
    expect(template_path).toBe(join(env.CWS_CONFIG_DIR ?? '', 'templates', 'tuned-env.yaml'));
    const template = parse(readFileSync(template_path, 'utf8')) as Record<string, unknown>;
    expect(template).toMatchObject({
      slug: 'tuned-env',
      base: 'ami-based',
      package_manager: 'ami',
      ami_config: { amis: { 'us-east-1': { x86_64: image.id } }, ssh_user: 'alice', distro: 'ubuntu' },
      instance_defaults: { type: 't3.medium' },
    });
    const listed = await runCommand(runListCommand, [], env, { json: true });
    expect(listed.stdout).toMatch(/"state": "stopped"/);
    // The saved template launches its image again, with a boot script for its Linux.
    const relaunched = await runCommand(runLaunchCommand, ['tuned-env', 'again'], env, { json: true });
    expect(relaunched.code).toBe(0);
    expect(relaunched.stdout).toContain(image.id);
  });

  it('never overwrites a template and refuses a slug that is not one', async () => {
    const env = testEnvironment();
    await runCommand(runLaunchCommand, ['ubuntu-24-04', 'tuned'], env);
    await runCommand(runImageCommand, ['save', 'tuned'], env, { asTemplate: 'mine', yes: true });
    await expect(
      runCommand(runImageCommand, ['save', 'tuned'], env, { asTemplate: 'mine', yes: true }),
    ).rejects.toThrow(/mine.yaml exists already/);
    await expect(
      runCommand(runImageCommand, ['save', 'tuned'], env, { asTemplate: 'Not A Slug', yes: true }),
    ).rejects.toMatchObject({
      exitCode: 2,
    });
    await expect(runCommand(runImageCommand, ['save', 'tuned'], env, {})).rejects.toThrow(
      /usage: cws-tui image save/,
    );
  });
});
