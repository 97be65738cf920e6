import { existsSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLaunchCommand } from '../../source/commands/launchCommand.js';
import { runSshConfigCommand } from '../../source/commands/sshConfigCommand.js';
import { runCommand, testEnvironment } from './commandHarness.js';

const USER_CONFIG = `# my own settings\nHost github.com\n  User git\n  IdentityFile ~/.ssh/id_github\n\nHost *\n  ServerAliveInterval 30\n`;

async function withWorkstations(env: NodeJS.ProcessEnv): Promise<void> {
  await runCommand(runLaunchCommand, ['ubuntu-24-04', 'ws1'], env);
  await runCommand(runLaunchCommand, ['ubuntu-24-04', 'ws2'], env);
}

describe('cws-tui ssh-config on the demo account', () => {
  it('prints a Host entry per workstation with an SSM ProxyCommand, the user and the key', async () => {
    const env = testEnvironment();
    await withWorkstations(env);
    const { stdout } = await runCommand(runSshConfigCommand, [], env);
    expect(stdout).toMatch(
      /^Host ws1\n {2}HostName i-0[0-9a-f]{16}\n {2}User alice\n {2}IdentityFile "[^"]+alice_ed25519"\n/m,
    );
    expect(stdout).toContain(
      'ProxyCommand aws ssm start-session --target %h --document-name AWS-StartSSHSession --parameters portNumber=%p --region us-east-1',
    );
    expect(stdout).toContain('Host ws2\n');
  });

  it('goes through CWS_SSH_BASTION to the private address', async () => {
    const env = { ...testEnvironment(), CWS_SSH_BASTION: 'jump@bastion.example.org' };
    await withWorkstations(env);
    const { stdout } = await runCommand(runSshConfigCommand, [], env);
    expect(stdout).toMatch(/Host ws1\n {2}HostName 172\.31\.\d+\.\d+\n/);
    expect(stdout).toContain('  ProxyJump jump@bastion.example.org\n');
  });

  it("--write includes the file once at the top, keeps the user's config byte for byte, and backs it up", async () => {
    const env = testEnvironment();
    await withWorkstations(env);
    const sshDir = join(env.HOME ?? '', '.ssh');
    mkdirSync(sshDir, { mode: 0o700 });
    writeFileSync(join(sshDir, 'config'), USER_CONFIG, { mode: 0o600 });
    const first = await runCommand(runSshConfigCommand, [], env, { write: true });
    expect(first.stdout).toContain("Added 'Include config.d/cws-tui' at the top");
    const config = readFileSync(join(sshDir, 'config'), 'utf8');
    expect(config.startsWith('# Added by cws-tui ssh-config')).toBe(true);
    expect(config.indexOf('Include config.d/cws-tui')).toBeLessThan(config.indexOf('\nHost '));
    expect(config.endsWith(USER_CONFIG)).toBe(true);
    expect(readFileSync(join(sshDir, 'config.cws-tui.bak'), 'utf8')).toBe(USER_CONFIG);
    expect(readFileSync(join(sshDir, 'config.d', 'cws-tui'), 'utf8')).toContain('Host ws1\n');
    expect(statSync(join(sshDir, 'config.d', 'cws-tui')).mode & 0o777).toBe(0o600);

    const second = await runCommand(runSshConfigCommand, [], env, { write: true });
    expect(second.stdout).toContain('already includes it: left unchanged');
    expect(readFileSync(join(sshDir, 'config'), 'utf8')).toBe(config);
    expect(config.match(/Include config\.d\/cws-tui/g)).toHaveLength(1);
  });

  it('creates ~/.ssh/config when there is none, and writes through a symlinked one', async () => {
    const env = testEnvironment();
    await withWorkstations(env);
    await runCommand(runSshConfigCommand, [], env, { write: true });
    const sshDir = join(env.HOME ?? '', '.ssh');
    expect(readFileSync(join(sshDir, 'config'), 'utf8')).toContain('Include config.d/cws-tui');
    expect(existsSync(join(sshDir, 'config.cws-tui.bak'))).toBe(false);

    const linked = testEnvironment();
    await withWorkstations(linked);
    const dotfiles = join(linked.HOME ?? '', 'dotfiles');
    mkdirSync(dotfiles);
    writeFileSync(join(dotfiles, 'ssh_config'), USER_CONFIG);
    mkdirSync(join(linked.HOME ?? '', '.ssh'));
    symlinkSync(join(dotfiles, 'ssh_config'), join(linked.HOME ?? '', '.ssh', 'config'));
    await runCommand(runSshConfigCommand, [], linked, { write: true });
    expect(readFileSync(join(dotfiles, 'ssh_config'), 'utf8')).toContain('Include config.d/cws-tui');
  });
});
