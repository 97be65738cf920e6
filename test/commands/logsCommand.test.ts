import { describe, expect, it } from 'vitest';
import { runLaunchCommand } from '../../source/commands/launchCommand.js';
import { lifecycleCommand } from '../../source/commands/lifecycleCommand.js';
import { runLogsCommand } from '../../source/commands/logsCommand.js';
import { runCommand, testEnvironment } from './commandHarness.js';

async function launched(): Promise<NodeJS.ProcessEnv> {
  const env = testEnvironment();
  await runCommand(runLaunchCommand, ['ubuntu-24-04', 'box'], env, { waitReady: true });
  return env;
}

describe('cws-tui logs on the demo account', () => {
  it('prints the setup log through SSM by default', async () => {
    const env = await launched();
    const result = await runCommand(runLogsCommand, ['box'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/cws-setup: CWS-PROGRESS \S+\n/);
    expect(result.stdout).toContain('CWS-PROGRESS ready');
    expect(result.stdout).not.toContain('-- lines:');
    const tail = await runCommand(runLogsCommand, ['box'], env, { lines: 2 });
    expect(tail.stdout.trimEnd().split('\n')).toHaveLength(2);
    expect(tail.stdout).toMatch(/CWS-PROGRESS ready\n$/);
  });

  it("prints the console with --boot, also once stopped, and a service's journal with --service", async () => {
    const env = await launched();
    const journal = await runCommand(runLogsCommand, ['box'], env, { service: 'jupyter', json: true });
    const parsed = JSON.parse(journal.stdout) as { text: string; source: { kind: string; unit: string } };
    expect(parsed.source).toEqual({ kind: 'service', unit: 'jupyter' });
    expect(parsed.text).toContain('Started jupyter.service');
    expect(parsed.text).not.toContain('-- cursor:');
    const boot = await runCommand(runLogsCommand, ['box'], env, { boot: true, lines: 2 });
    expect(boot.stdout.trimEnd().split('\n')).toHaveLength(2);
    expect(boot.stdout).toContain('CWS-PROGRESS ready');
    await runCommand(lifecycleCommand('stop'), ['box'], env);
    await expect(runCommand(runLogsCommand, ['box'], env, { boot: true })).resolves.toMatchObject({
      code: 0,
    });
  });

  it('refuses the setup log of a stopped workstation with "start it first"', async () => {
    const env = await launched();
    await runCommand(lifecycleCommand('stop'), ['box'], env);
    await expect(runCommand(runLogsCommand, ['box'], env, { setup: true })).rejects.toThrow(
      /box is stopped: start it first/,
    );
  });

  it('refuses a unit name a shell would read, and two sources at once', async () => {
    const env = await launched();
    await expect(runCommand(runLogsCommand, ['box'], env, { service: 'x;reboot' })).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/not a systemd unit name/),
    });
    await expect(runCommand(runLogsCommand, ['box'], env, { boot: true, setup: true })).rejects.toThrow(
      /choose one of/,
    );
  });
});
