import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runExecCommand } from '../../source/commands/execCommand.js';
import { runLaunchCommand } from '../../source/commands/launchCommand.js';
import { lifecycleCommand } from '../../source/commands/lifecycleCommand.js';
import { runProfilesCommand } from '../../source/commands/profilesCommand.js';
import { runCommand, testEnvironment } from './commandHarness.js';

async function launched(names: string[], extra: string[] = []): Promise<NodeJS.ProcessEnv> {
  const env = testEnvironment();
  for (const name of names) await runCommand(runLaunchCommand, ['ubuntu-24-04', name, ...extra], env);
  return env;
}

describe('cws-tui exec on the demo account', () => {
  it('runs as the research user through sudo and prints the output', async () => {
    const env = await launched(['box']);
    const result = await runCommand(runExecCommand, ['box', 'whoami', '&&', 'echo', 'hello'], env);
    expect(result).toMatchObject({ code: 0, stdout: 'alice\nhello\n' });
  });

  it('passes on a failing exit code with a clear line, and --json has the result', async () => {
    const env = await launched(['box']);
    const failed = await runCommand(runExecCommand, ['box', 'exit', '4'], env);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('the command exited with 4 on box');
    const json = await runCommand(runExecCommand, ['box', 'nosuchtool'], env, { json: true });
    const { results } = JSON.parse(json.stdout) as { results: Array<Record<string, unknown>> };
    expect(results[0]).toMatchObject({
      workstation: 'box',
      status: 'failed',
      exit_code: 127,
      run_as: 'alice',
    });
    expect(results[0]?.stderr).toContain('nosuchtool: command not found');
  });

  it('refuses a stopped workstation with "start it first"', async () => {
    const env = await launched(['box']);
    await runCommand(lifecycleCommand('stop'), ['box'], env);
    await expect(runCommand(runExecCommand, ['box', 'uptime'], env)).rejects.toThrow(
      /box is stopped: start it first\n {2}cws-tui start box/,
    );
  });

  it('refuses --root on a member profile with exit code 3, and runs as root for an admin', async () => {
    const env = await launched(['box']);
    await expect(runCommand(runExecCommand, ['box', 'id'], env, { root: true })).rejects.toMatchObject({
      exitCode: 3,
      message: expect.stringMatching(/--root is for admins/),
    });
    await runCommand(runProfilesCommand, ['create', 'ops'], env, {
      awsProfile: 'lab',
      region: 'us-east-1',
      admin: true,
    });
    await runCommand(runLaunchCommand, ['ubuntu-24-04', 'box'], env, { demo: true });
    const output = await runCommand(runExecCommand, ['box', 'whoami'], env, { root: true, demo: true });
    expect(output.stdout).toBe('root\n');
  });

  it('fans out with --all, asks for --yes, and summarises per host; a stopped one is skipped', async () => {
    const env = await launched(['a1', 'a2', 'a3']);
    await runCommand(lifecycleCommand('stop'), ['a3'], env);
    await expect(runCommand(runExecCommand, ['hostname'], env, { all: true })).rejects.toThrow(/--yes/);
    const result = await runCommand(runExecCommand, ['echo', 'ok'], env, {
      all: true,
      yes: true,
      concurrency: 2,
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('a1: ok\n');
    expect(result.stdout).toContain('a2: ok\n');
    expect(result.stdout).toMatch(/a3\s+skipped\s+-\s+a3 is stopped: start it first/);
    expect(result.stdout).toContain('2 of 3 succeeded');
  });

  it('selects by --tag and records the run in the audit log without the command text', async () => {
    const env = testEnvironment();
    await runCommand(runLaunchCommand, ['ubuntu-24-04', 'g1'], env, { project: 'genomics' });
    await runCommand(runLaunchCommand, ['ubuntu-24-04', 'o1'], env, { project: 'other' });
    const result = await runCommand(runExecCommand, ['echo', 'secret-token-123'], env, {
      tag: ['project=genomics'],
      yes: true,
    });
    expect(result.stdout).toContain('g1: secret-token-123');
    expect(result.stdout).not.toContain('o1');
    const audit = readFileSync(join(env.CWS_STATE_DIR ?? '', 'audit.jsonl'), 'utf8');
    expect(audit).toContain('"action":"exec"');
    expect(audit).toContain('"targets":["g1"]');
    expect(audit).not.toContain('secret-token-123');
  });

  it('says what to do when no SSM agent is registered', async () => {
    const env = await launched(['box'], []);
    const { openSession } = await import('../../source/app/session/openSession.js');
    const session = await openSession({ env, demo: true });
    const [box] = await session.listWorkstations();
    await session
      .operationsContext()
      .account.instanceChanges.tagInstances(box?.region ?? '', [box?.id ?? ''], {
        'cws:demo-ssm': 'absent',
      });
    await expect(runCommand(runExecCommand, ['box', 'uptime'], env)).rejects.toThrow(
      /box has no SSM agent registered with Systems Manager\n {2}Its instance profile needs AmazonSSMManagedInstanceCore/,
    );
  });

  it('refuses a usage without a command', async () => {
    const env = await launched(['box']);
    await expect(runCommand(runExecCommand, ['box'], env)).rejects.toThrow(/usage: cws-tui exec/);
    await expect(runCommand(runExecCommand, ['box', 'x'], env, { concurrency: 0 })).rejects.toThrow(
      /--concurrency/,
    );
  });
});
