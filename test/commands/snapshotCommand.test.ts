import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLaunchCommand } from '../../source/commands/launchCommand.js';
import { runSnapshotCommand } from '../../source/commands/snapshotCommand.js';
import { runVolumesCommand } from '../../source/commands/volumesCommand.js';
import { runCommand, testEnvironment } from './commandHarness.js';

interface ListedSnapshot {
  id: string;
  role: string;
  workstation?: string;
  size_gb: number;
  state: string;
  monthly_usd: number;
}

async function snapshots(env: NodeJS.ProcessEnv): Promise<ListedSnapshot[]> {
  const listed = await runCommand(runSnapshotCommand, ['list'], env, { json: true });
  return (JSON.parse(listed.stdout) as { snapshots: ListedSnapshot[] }).snapshots;
}

describe('cws-tui snapshot on the demo account', () => {
  it("snapshots a workstation's root and data volumes, priced per GB-month, and restores one as a volume", async () => {
    const env = testEnvironment();
    await runCommand(runLaunchCommand, ['ubuntu-24-04', 'box'], env);
    await runCommand(runVolumesCommand, ['create', 'data'], env, { size: '50', to: 'box', yes: true });
    const created = await runCommand(runSnapshotCommand, ['create', 'box'], env, { yes: true });
    expect(created.stdout).toMatch(
      /Started snap-0\S+ of root volume vol-\S+ \(\d+ GB, at most \$[\d.]+\/month\)/,
    );
    expect(created.stdout).toMatch(
      /Started snap-0\S+ of data volume vol-\S+ \(50 GB, at most \$2\.50\/month\)/,
    );
    const listed = await snapshots(env);
    expect(listed.map((s) => s.role).sort()).toEqual(['data', 'root']);
    expect(listed.every((s) => s.workstation === 'box' && s.state === 'completed')).toBe(true);
    const table = await runCommand(runSnapshotCommand, ['list'], env);
    expect(table.stdout).toMatch(/At most \$[\d.]+\/month at \$0\.05\/GB-month/);

    const data = listed.find((s) => s.role === 'data');
    const restored = await runCommand(runSnapshotCommand, ['restore', data?.id ?? ''], env, {
      to: 'box',
      yes: true,
      mount: '/old-data',
    });
    expect(restored.stdout).toMatch(
      /^Restored snap-\S+ as vol-\S+ on box \(\/dev\/sdg\), mounted at \/old-data\n$/,
    );
  });

  it('replaces the root volume only onto its own running workstation', async () => {
    const env = testEnvironment();
    await runCommand(runLaunchCommand, ['ubuntu-24-04', 'box'], env);
    await runCommand(runLaunchCommand, ['ubuntu-24-04', 'other'], env);
    await runCommand(runSnapshotCommand, ['create', 'box'], env, { yes: true });
    const [root] = await snapshots(env);
    await expect(
      runCommand(runSnapshotCommand, ['restore', root?.id ?? ''], env, {
        to: 'other',
        root: true,
        yes: true,
      }),
    ).rejects.toThrow(/is of box: a root volume is restored only onto its own workstation/);
    const replaced = await runCommand(runSnapshotCommand, ['restore', root?.id ?? ''], env, {
      to: 'box',
      root: true,
      yes: true,
    });
    expect(replaced.stdout).toMatch(/Replacing the root volume of box \(task replacevol-\S+\); it reboots/);
  });

  it('deletes a snapshot with --yes, audits it, and refuses an unknown one', async () => {
    const env = testEnvironment();
    await runCommand(runLaunchCommand, ['ubuntu-24-04', 'box'], env);
    await runCommand(runSnapshotCommand, ['create', 'box'], env, { yes: true });
    const [snap] = await snapshots(env);
    await expect(runCommand(runSnapshotCommand, ['delete', snap?.id ?? ''], env)).rejects.toThrow(/--yes/);
    await runCommand(runSnapshotCommand, ['delete', snap?.id ?? ''], env, { yes: true });
    expect(await snapshots(env)).toEqual([]);
    await expect(
      runCommand(runSnapshotCommand, ['delete', 'snap-0000'], env, { yes: true }),
    ).rejects.toMatchObject({ exitCode: 2 });
    const audit = readFileSync(join(env.CWS_STATE_DIR ?? '', 'audit.jsonl'), 'utf8');
    expect(audit).toContain('"action":"snapshot-create"');
    expect(audit).toContain('"action":"snapshot-delete"');
  });
});
