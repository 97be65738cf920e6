import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliError, EXIT } from '../../source/commands/CliError.js';
import { runUserdataCommand } from '../../source/commands/userdataCommand.js';
import { runCommand, testEnvironment } from './commandHarness.js';

/** A lab's own AMI that names no Linux: the launch asks the image; `userdata` asks the person. */
function environment(): NodeJS.ProcessEnv {
  const folder = mkdtempSync(join(tmpdir(), 'cws-ami-distro-'));
  writeFileSync(
    join(folder, 'lab-image.yml'),
    'name: Lab image\nslug: lab-image\nbase: ami-based\nami_config:\n  amis:\n    us-east-1: {x86_64: ami-0123456789abcdef0}\n',
  );
  return { ...testEnvironment(), CWS_TEMPLATE_PATH: folder };
}

describe('cws-tui userdata for fixed AMIs that name no Linux', () => {
  it('asks for --distro, naming ami_config.distro, and makes the script for the one given', async () => {
    const env = environment();
    const refused = await runCommand(runUserdataCommand, [], env, { template: 'lab-image' }).catch(
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(CliError);
    expect((refused as CliError).exitCode).toBe(EXIT.usage);
    expect((refused as CliError).message).toMatch(
      /add ami_config\.distro: .*; or pass --distro ubuntu\|rocky\|al2023$/,
    );
    const { code, stdout } = await runCommand(runUserdataCommand, [], env, {
      template: 'lab-image',
      distro: 'rocky',
    });
    expect(code).toBe(0);
    expect(stdout.startsWith('#!/bin/bash\n')).toBe(true);
    expect(stdout).not.toContain('apt-get');
  });
});
