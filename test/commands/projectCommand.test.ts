import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLaunchCommand } from '../../source/commands/launchCommand.js';
import { runProjectCommand } from '../../source/commands/projectCommand.js';
import { runCommand, testEnvironment } from './commandHarness.js';

describe('cws-tui project on the demo account', () => {
  it('creates a project with a budget, groups its workstations by tag and shows spend against the budget', async () => {
    const env = testEnvironment();
    await runCommand(runProjectCommand, ['create', 'genomics'], env, {
      budget: 500,
      user: 'alice',
      yes: true,
    });
    await runCommand(runLaunchCommand, ['ubuntu-24-04', 'g1'], env, { project: 'genomics' });
    await runCommand(runLaunchCommand, ['ubuntu-24-04', 'other'], env);
    const shown = await runCommand(runProjectCommand, ['show', 'genomics'], env, { json: true });
    const summary = JSON.parse(shown.stdout) as {
      members: string[];
      workstations: Array<{ name: string }>;
      running: number;
      burn_per_hour: number;
      budget: { monthly_usd: number; status: string };
    };
    expect(summary.members).toEqual(['alice']);
    expect(summary.workstations.map((w) => w.name)).toEqual(['g1']);
    expect(summary.running).toBe(1);
    expect(summary.burn_per_hour).toBeGreaterThan(0);
    expect(summary.budget).toMatchObject({ monthly_usd: 500, status: 'ok' });
    const text = await runCommand(runProjectCommand, ['show', 'genomics'], env);
    expect(text.stdout).toMatch(/budget: \$500\.00\/month, \d+% projected: ok/);
    const listed = await runCommand(runProjectCommand, ['list'], env);
    expect(listed.stdout).toMatch(/genomics\s+alice\s+1\s+\$500\.00\/month/);
  });

  it('adds and removes members, changes the budget, and audits each change', async () => {
    const env = testEnvironment();
    await runCommand(runProjectCommand, ['create', 'lab'], env, { yes: true });
    await runCommand(runProjectCommand, ['members', 'lab', 'add', 'bob'], env, { yes: true });
    await runCommand(runProjectCommand, ['members', 'lab', 'add', 'carol'], env, { yes: true });
    await runCommand(runProjectCommand, ['members', 'lab', 'remove', 'bob'], env, { yes: true });
    expect((await runCommand(runProjectCommand, ['members', 'lab'], env)).stdout).toBe('carol\n');
    await runCommand(runProjectCommand, ['budget', 'lab'], env, { budget: 250, yes: true });
    expect((await runCommand(runProjectCommand, ['budget', 'lab'], env)).stdout).toBe(
      'lab: $250.00/month, alert at 80%\n',
    );
    const audit = readFileSync(join(env.CWS_STATE_DIR ?? '', 'audit.jsonl'), 'utf8');
    for (const action of [
      'project-create',
      'project-member-add',
      'project-member-remove',
      'project-budget',
    ]) {
      expect(audit).toContain(`"action":"${action}"`);
    }
  });

  it('refuses to delete a project with workstations unless --force, a duplicate, and bad names', async () => {
    const env = testEnvironment();
    await runCommand(runProjectCommand, ['create', 'p1'], env, { yes: true });
    await expect(runCommand(runProjectCommand, ['create', 'p1'], env, { yes: true })).rejects.toThrow(
      /exists already/,
    );
    await runCommand(runLaunchCommand, ['ubuntu-24-04', 'w1'], env, { project: 'p1' });
    await expect(runCommand(runProjectCommand, ['delete', 'p1'], env, { yes: true })).rejects.toThrow(
      /p1 still has 1 workstation\(s\): w1/,
    );
    await runCommand(runProjectCommand, ['delete', 'p1'], env, { yes: true, force: true });
    expect((await runCommand(runProjectCommand, ['list'], env)).stdout).toContain('No projects');
    await expect(
      runCommand(runProjectCommand, ['create', 'Bad Name'], env, { yes: true }),
    ).rejects.toMatchObject({ exitCode: 2 });
    await expect(runCommand(runProjectCommand, ['show', 'nope'], env)).rejects.toThrow(
      /no project named 'nope'/,
    );
  });

  it('sets an unreadable projects file aside instead of overwriting it', async () => {
    const env = testEnvironment();
    await runCommand(runProjectCommand, ['create', 'p1'], env, { yes: true });
    writeFileSync(join(env.CWS_STATE_DIR ?? '', 'projects.json'), '{not json');
    const recreated = await runCommand(runProjectCommand, ['create', 'p2'], env, { yes: true });
    expect(recreated.stderr).toMatch(
      /the projects file was unreadable .* it was moved to .*projects.json.bak-/,
    );
    const listed = await runCommand(runProjectCommand, ['list'], env, { json: true });
    expect(
      (JSON.parse(listed.stdout) as { projects: Array<{ name: string }> }).projects.map((p) => p.name),
    ).toEqual(['p2']);
  });
});
