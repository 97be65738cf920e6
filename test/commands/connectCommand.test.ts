import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runConnectCommand } from '../../source/commands/connectCommand.js';
import { runLaunchCommand } from '../../source/commands/launchCommand.js';
import { runServicesCommand } from '../../source/commands/servicesCommand.js';
import { runCommand, testEnvironment } from './commandHarness.js';

/** The demo profile allows SSH from the user's network (`network use --ssh-cidr`). */
function withSshAllowed(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const configDir = env.CWS_CONFIG_DIR ?? '';
  mkdirSync(configDir, { recursive: true });
  writeFileSync(
    join(configDir, 'network.json'),
    JSON.stringify({ profiles: { demo: { ssh_cidr: '198.51.100.0/24', regions: {} } } }),
  );
  return env;
}

/** A desktop session: a display, no SSH. */
function localEnv(): NodeJS.ProcessEnv {
  return withSshAllowed({ ...testEnvironment(), DISPLAY: ':0', PATH: '/nonexistent' });
}

/** A session over SSH from a laptop: no browser can open here. */
function sshEnv(): NodeJS.ProcessEnv {
  return withSshAllowed({
    ...testEnvironment(),
    SSH_CONNECTION: '198.51.100.7 53122 203.0.113.10 2222',
    SSH_TTY: '/dev/pts/3',
    PATH: '/nonexistent',
  });
}

describe('cws-tui connect --print on the demo account', () => {
  it('prints the SSH command with the research user, the key and the address', async () => {
    const env = localEnv();
    await runCommand(runLaunchCommand, ['ubuntu-24-04', 'box'], env);
    const printed = await runCommand(runConnectCommand, ['box'], env, { print: true });
    expect(printed.code).toBe(0);
    expect(printed.stdout).toMatch(
      /^ssh -i \S+\/keys\/alice_ed25519 -o IdentitiesOnly=yes -o StrictHostKeyChecking=accept-new alice@3\.\d+\.\d+\.\d+\n {2}via SSH to the public address: the profile allows SSH from 198\.51\.100\.0\/24; Session Manager would need the AWS CLI\n$/,
    );
  });

  it('on the demo account, without Session Manager or a recorded CIDR, uses the simulated SSH and says so', async () => {
    // The refusal when neither way works is pinned in planConnection.test.ts (real accounts).
    const env = { ...testEnvironment(), DISPLAY: ':0', PATH: '/nonexistent' };
    await runCommand(runLaunchCommand, ['ubuntu-24-04', 'box'], env);
    const printed = await runCommand(runConnectCommand, ['box'], env, { print: true });
    expect(printed.stdout).toMatch(/^ssh /);
    expect(printed.stdout).toContain('via SSH to the public address, simulated by the demo account');
  });

  it('prefers Session Manager when the AWS CLI and the plugin are installed, and says why', async () => {
    const bin = mkdtempSync(join(tmpdir(), 'cws-bin-'));
    for (const tool of ['aws', 'session-manager-plugin']) {
      writeFileSync(join(bin, tool), '#!/bin/sh\nexit 0\n');
      chmodSync(join(bin, tool), 0o755);
    }
    const env = { ...localEnv(), PATH: bin };
    await runCommand(runLaunchCommand, ['ubuntu-24-04', 'box'], env);
    const printed = await runCommand(runConnectCommand, ['box'], env, { print: true });
    expect(printed.stdout).toMatch(/^aws ssm start-session --target i-0[0-9a-f]+ --region us-east-1\n/);
    expect(printed.stdout).toContain(
      'via Session Manager: the AWS CLI and the session-manager-plugin are installed, and it needs no inbound rule',
    );
  });

  it('goes through the bastion to the private address when one is configured', async () => {
    const env = { ...localEnv(), CWS_SSH_BASTION: 'jump@bastion.example.org' };
    await runCommand(runLaunchCommand, ['ubuntu-24-04', 'box'], env);
    const printed = await runCommand(runConnectCommand, ['box'], env, { json: true });
    const { plan } = JSON.parse(printed.stdout) as { plan: { kind: string; argv: string[] } };
    expect(plan.kind).toBe('terminal');
    expect(plan.argv).toContain('-J');
    expect(plan.argv[plan.argv.indexOf('-J') + 1]).toBe('jump@bastion.example.org');
    expect(plan.argv.at(-1)).toMatch(/^alice@172\.31\./);
  });

  it('says clearly that SSM needs the plugin when it is not installed', async () => {
    const env = localEnv();
    await runCommand(runLaunchCommand, ['ubuntu-24-04', 'box'], env);
    await expect(runCommand(runConnectCommand, ['box'], env, { print: true, ssm: true })).rejects.toThrow(
      /SSM Session Manager needs the AWS CLI, which is not installed here/,
    );
  });

  it('plans a code-server tunnel with the password from the launch record, locally', async () => {
    const env = localEnv();
    await runCommand(runLaunchCommand, ['vscode-server', 'editor'], env);
    const printed = await runCommand(runConnectCommand, ['editor'], env, { json: true });
    const { plan } = JSON.parse(printed.stdout) as {
      plan: {
        kind: string;
        url: string;
        open: string;
        note: string;
        tunnel: { argv: string[] };
        laptop_command?: string;
      };
    };
    expect(plan).toMatchObject({ kind: 'url', url: 'http://localhost:8080/', open: 'browser' });
    expect(plan.tunnel.argv).toEqual(expect.arrayContaining(['-N', '-L', '8080:localhost:8080']));
    expect(plan.note).toMatch(/^code-server password: \S{16,}$/);
    expect(plan.laptop_command).toBeUndefined();
  });

  it('over SSH shows the URL and the port forward to run on the laptop', async () => {
    const env = sshEnv();
    await runCommand(runLaunchCommand, ['jupyter-server', 'nb'], env);
    const printed = await runCommand(runConnectCommand, ['nb'], env, { print: true });
    expect(printed.stdout).toContain(
      'On your laptop, run: ssh -p 2222 -N -L 8888:localhost:8888 alice@203.0.113.10\n',
    );
    expect(printed.stdout).toMatch(/Open: http:\/\/localhost:8888\/lab\?token=[A-Za-z0-9_-]+\n/);
  });

  it('signs a fresh SageMaker URL at every connect and never repeats it', async () => {
    const env = sshEnv();
    await runCommand(runServicesCommand, ['launch', 'sagemaker-studio', 'space'], env);
    const first = await runCommand(runConnectCommand, ['space'], env, { json: true });
    const second = await runCommand(runConnectCommand, ['space'], env, { json: true });
    const urls = [first, second].map(
      (outcome) => (JSON.parse(outcome.stdout) as { plan: { url: string } }).plan.url,
    );
    for (const url of urls)
      expect(url).toMatch(/^https:\/\/d-[0-9a-f]{12}\.studio\.us-east-1\.sagemaker\.aws\/auth\?token=/);
    expect(urls[0]).not.toBe(urls[1]);
    const plan = (
      JSON.parse(first.stdout) as { plan: { open: string; expires_at: string; tunnel?: unknown } }
    ).plan;
    expect(plan.open).toBe('show');
    expect(plan.tunnel).toBeUndefined();
    expect(Date.parse(plan.expires_at) - Date.now()).toBeLessThanOrEqual(300_000);
  });

  it('refuses a stopped workstation with what to do', async () => {
    const env = localEnv();
    await runCommand(runServicesCommand, ['launch', 'sagemaker-studio', 'space'], env);
    const { lifecycleCommand } = await import('../../source/commands/lifecycleCommand.js');
    await runCommand(lifecycleCommand('stop'), ['space'], env);
    await expect(runCommand(runConnectCommand, ['space'], env, { print: true })).rejects.toThrow(
      'space is stopped: start it first, then connect',
    );
  });

  it('rejects a bad --local-port as a usage error', async () => {
    await expect(
      runCommand(runConnectCommand, ['x'], localEnv(), { localPort: 70000 }),
    ).rejects.toMatchObject({
      exitCode: 2,
    });
  });
});

describe('cws-tui services', () => {
  it('launches, lists with cost, reports health and cleans up', async () => {
    const env = localEnv();
    const launched = await runCommand(runServicesCommand, ['launch', 'sagemaker-canvas', 'canvas'], env);
    expect(launched.stdout).toBe(
      'canvas (sagemaker-canvas) is running: $1.9000/h while it runs. Open it with: cws-tui connect canvas\n',
    );
    expect(launched.stderr).toContain('✓ Check policy');
    const listed = await runCommand(runServicesCommand, ['list'], env, { json: true });
    expect(JSON.parse(listed.stdout)).toMatchObject([
      { name: 'canvas', kind: 'sagemaker-canvas', hourly_cost: 1.9 },
    ]);
    const health = await runCommand(runServicesCommand, ['health', 'canvas'], env);
    expect(health.stdout).toBe('canvas: healthy (Canvas app in service)\n');
    await expect(runCommand(runServicesCommand, ['cleanup'], env)).rejects.toThrow(/add --yes/);
    const cleaned = await runCommand(runServicesCommand, ['cleanup'], env, { yes: true, deleteDomain: true });
    expect(cleaned.stdout).toMatch(
      /^us-east-1: deleted 1 app\(s\), 0 space\(s\), 1 user profile\(s\) and the domain\nus-east-1: kept the home EFS (fs-\w+) \(the users' files\); delete it with: cws-tui storage delete \1 --region us-east-1 --yes\n$/,
    );
  });

  it('imports a GitHub notebook into Studio Lab and refuses other addresses', async () => {
    const env = localEnv();
    const launched = await runCommand(runServicesCommand, ['launch', 'sagemaker-studio-lab', 'course'], env, {
      notebook: 'https://github.com/aws/studio-lab-examples/blob/main/intro.ipynb',
      json: true,
    });
    expect(JSON.parse(launched.stdout)).toMatchObject({ hourly_cost: 0, service: { kind: 'studio-lab' } });
    const printed = await runCommand(runConnectCommand, ['course'], env, { print: true });
    expect(printed.stdout).toContain(
      'Open: https://studiolab.sagemaker.aws/import/github/aws/studio-lab-examples/blob/main/intro.ipynb\n',
    );
    expect(printed.stdout).toContain('Studio Lab has no AWS API');
    await expect(
      runCommand(runServicesCommand, ['launch', 'sagemaker-studio-lab', 'other'], env, {
        notebook: 'https://gitlab.com/x/y.git',
      }),
    ).rejects.toThrow(/imports a notebook from a GitHub address/);
  });
});

/**
 * A stand-in `ssh` on PATH: it records its arguments, and for a port forward (-L) listens on the
 * local port for a moment, as a tunnel would, then exits with the code given.
 */
function fakeSsh(exitCode: number): { dir: string; argsFile: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cws-fake-ssh-'));
  const argsFile = join(dir, 'args');
  const script = [
    `#!${process.execPath}`,
    "const { writeFileSync } = require('node:fs');",
    `writeFileSync(${JSON.stringify(argsFile)}, JSON.stringify(process.argv.slice(2)));`,
    "const forward = process.argv[process.argv.indexOf('-L') + 1];",
    `if (!process.argv.includes('-L')) process.exit(${exitCode});`,
    "const server = require('node:net').createServer().listen(Number(forward.split(':')[0]), '127.0.0.1');",
    `setTimeout(() => { server.close(); process.exit(${exitCode}); }, 400);`,
  ].join('\n');
  writeFileSync(join(dir, 'ssh'), script);
  chmodSync(join(dir, 'ssh'), 0o755);
  return { dir, argsFile };
}

describe('cws-tui connect, for real', () => {
  it('runs ssh in this terminal and returns its exit code', async () => {
    const ssh = fakeSsh(5);
    const env = { ...localEnv(), PATH: ssh.dir };
    await runCommand(runLaunchCommand, ['ubuntu-24-04', 'box'], env);
    const outcome = await runCommand(runConnectCommand, ['box'], env);
    expect(outcome.code).toBe(5);
    expect(outcome.stderr).toMatch(/^Connecting: ssh -i /);
    expect(JSON.parse(readFileSync(ssh.argsFile, 'utf8')).at(-1)).toMatch(/^alice@3\./);
  });

  it('opens the tunnel, shows the link over SSH, and returns when the tunnel closes', async () => {
    const ssh = fakeSsh(0);
    const env = { ...sshEnv(), PATH: ssh.dir };
    await runCommand(runLaunchCommand, ['jupyter-server', 'nb'], env);
    const outcome = await runCommand(runConnectCommand, ['nb'], env, { localPort: 0 + 18888 });
    expect(outcome.code).toBe(0);
    expect(outcome.stderr).toContain('Opening a tunnel to port 8888');
    expect(outcome.stderr).toMatch(/The tunnel is open, but the service does not answer/);
    expect(outcome.stdout).toContain(
      'On your laptop, run: ssh -p 2222 -N -L 18888:localhost:18888 alice@203.0.113.10\n',
    );
    expect(outcome.stdout).toMatch(/Open: http:\/\/localhost:18888\/lab\?token=/);
    expect(JSON.parse(readFileSync(ssh.argsFile, 'utf8'))).toContain('18888:localhost:8888');
  });

  it('shows a SageMaker link over SSH without a tunnel', async () => {
    const env = sshEnv();
    await runCommand(runServicesCommand, ['launch', 'sagemaker-studio', 'space'], env);
    const outcome = await runCommand(runConnectCommand, ['space'], env);
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toMatch(
      /^Open: https:\/\/d-[0-9a-f]{12}\.studio\.us-east-1\.sagemaker\.aws\/auth\?token=/,
    );
  });
});
