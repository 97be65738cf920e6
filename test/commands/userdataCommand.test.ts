import { describe, expect, it } from 'vitest';
import { CliError, EXIT } from '../../source/commands/CliError.js';
import { runUserdataCommand } from '../../source/commands/userdataCommand.js';
import { FileResearchUserStore } from '../../source/core/identity/FileResearchUserStore.js';
import { parseProgressMarkers } from '../../source/core/provisioning/progressMarkers.js';
import { runCommand, testEnvironment } from './commandHarness.js';

const KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKq0xDl5m2ofT5vnPR+a0Z4vXkA6y2gbVl3uYzQfJcEi bob@laptop';

async function rejection(promise: Promise<unknown>): Promise<CliError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(CliError);
  return error as CliError;
}

describe('cws-tui userdata', () => {
  it('prints the script for the template base distro, and its size on stderr', async () => {
    const { code, stdout, stderr } = await runCommand(runUserdataCommand, [], testEnvironment(), {
      template: 'python-ml',
    });
    expect(code).toBe(0);
    expect(stdout.startsWith('#!/bin/bash\n')).toBe(true);
    expect(stdout).toContain('apt-get');
    expect(stdout).toContain("useradd --uid 5000 --gid 5000 --home-dir '/home/alice'");
    expect(stderr).toContain("research user 'alice' does not exist yet: previewing with UID 5000");
    expect(stderr).toMatch(
      new RegExp(
        `python-ml on ubuntu for alice: ${Buffer.byteLength(stdout)} bytes, sent gzip-compressed as \\d+ bytes \\(EC2 limit 16384\\)`,
      ),
    );
    // The proof asked for: the Jupyter token is nowhere in the script.
    expect(stderr).toContain(
      'cws-tui: no jupyter secret in this script: the workstation makes it at boot and stores it in Parameter Store as /cws-tui/<instance-id>/jupyter',
    );
    expect(stdout).not.toMatch(/JUPYTER_TOKEN=[0-9a-f]/);
  });

  it.each([
    ['jupyter-server', 'jupyter'],
    ['vscode-server', 'code-server'],
    ['r-research', 'rstudio'],
  ])(
    'shows that the %s script holds no secret: its %s secret is made on the instance',
    async (template, secret) => {
      const { code, stdout, stderr } = await runCommand(runUserdataCommand, [], testEnvironment(), {
        template,
      });
      expect(code).toBe(0);
      expect(stderr).toContain(
        `cws-tui: no ${secret} secret in this script: the workstation makes it at boot and stores it in Parameter Store as /cws-tui/<instance-id>/${secret}`,
      );
      expect(stdout).toContain(`cws_service_secret ${secret}`);
      expect(stdout).not.toMatch(
        /chpasswd|usermod (-p|--password)|\b[0-9a-f]{32,}\b|(TOKEN|PASSWORD)=[^\s'"$%]/,
      );
    },
  );

  it('names the RStudio template when asked for rstudio-server, a service and not a template', async () => {
    const error = await rejection(
      runCommand(runUserdataCommand, [], testEnvironment(), { template: 'rstudio-server' }),
    );
    expect(error.message).toContain("no template 'rstudio-server' (closest: 'r-research')");
  });

  it('uses a stored research user and the chosen distro and EFS, as JSON', async () => {
    const env = testEnvironment();
    const bob = await new FileResearchUserStore(env.CWS_CONFIG_DIR!).create(
      { username: 'bob', ssh_public_keys: [KEY], groups: ['admin'] },
      '123456789012',
    );
    const { code, stdout } = await runCommand(runUserdataCommand, [], env, {
      template: 'jupyter-server',
      user: 'bob',
      distro: 'rocky',
      efs: 'fs-0123abcd',
      accessPoint: 'fsap-0123abcd',
      region: 'eu-west-1',
      json: true,
    });
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as Record<string, unknown> & {
      script: string;
      sections: { name: string }[];
    };
    expect(report).toMatchObject({
      template: 'jupyter-server',
      distro: 'rocky',
      research_user: 'bob',
      compressed: true,
      service_secrets: ['jupyter'],
      limit_bytes: 16384,
      diagnostics: [expect.objectContaining({ field: 'efs', level: 'warning' })],
    });
    expect(report.supported_distros).toEqual(['ubuntu', 'rocky', 'al2023']);
    expect(report.bytes).toBe(Buffer.byteLength(report.script));
    expect(report.script).toContain(`useradd --uid ${bob.uid} --gid ${bob.gid}`);
    expect(report.script).toContain('--groups wheel');
    expect(report.script).toContain("'fs-0123abcd.efs.eu-west-1.amazonaws.com:/'");
    expect(report.script).toContain(KEY);
    expect(report.sections.map((section) => section.name)).toContain('efs');
    expect(parseProgressMarkers(report.script).stage).toBeUndefined();
  });

  it('refuses what it cannot generate, with a specific message', async () => {
    const env = testEnvironment();
    const run = (flags: Parameters<typeof runCommand>[3]) => runCommand(runUserdataCommand, [], env, flags);

    const missing = await rejection(run({}));
    expect(missing.exitCode).toBe(EXIT.usage);
    expect(missing.message).toMatch(/^usage: cws-tui userdata --template <slug>/);

    expect((await rejection(run({ template: 'pyhton-ml' }))).message).toBe(
      "no template 'pyhton-ml' (closest: 'python-ml')",
    );
    const distro = await rejection(run({ template: 'python-ml', distro: 'debian' }));
    expect([distro.exitCode, distro.message]).toEqual([
      EXIT.usage,
      "--distro is one of ubuntu, rocky, al2023, not 'debian'",
    ]);
    expect((await rejection(run({ template: 'python-ml', accessPoint: 'fsap-0123abcd' }))).exitCode).toBe(
      EXIT.usage,
    );
    expect((await rejection(run({ template: 'python-ml', efs: 'fs-0123abcd' }))).message).toMatch(
      /--region or AWS_REGION/,
    );
    expect(
      (await rejection(run({ template: 'python-ml', efs: 'fs-$(reboot)', region: 'us-east-1' }))).message,
    ).toBe(
      'efs.file_system_id: "fs-$(reboot)" is not allowed in a boot script (an EFS file system id such as fs-0123abcd)',
    );
    expect((await rejection(run({ template: 'r-research', distro: 'al2023' }))).message).toMatch(
      /^template 'r-research' cannot be provisioned on al2023: .*r-base \(not shipped\)/,
    );
    expect((await rejection(run({ template: 'sagemaker-studio' }))).message).toBe(
      "template 'sagemaker-studio' has no base image: it is a managed service, with no boot script",
    );
    expect((await rejection(run({ template: 'python-ml', user: 'nobody' }))).message).toBe(
      "no research user 'nobody'; create it with 'cws-tui users create nobody'",
    );
  });
});
