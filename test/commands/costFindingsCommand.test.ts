import { describe, expect, it } from 'vitest';
import { runCostCommand } from '../../source/commands/costCommand.js';
import { runStorageCommand } from '../../source/commands/storageCommand.js';
import type { CostFindings } from '../../source/core/cost/listCostFindings.js';
import { runCommand, testEnvironment } from './commandHarness.js';

/** `cost findings` on the demo account: storage's findings reach the one list, with the command that fixes them. */
describe('cws-tui cost findings on the demo account', () => {
  it('lists an over-provisioned Lustre file system and an EFS without IA, biggest saving first, with the total', async () => {
    const env = testEnvironment();
    const empty = await runCommand(runCostCommand, ['findings'], env);
    expect(empty.code).toBe(0);
    expect(empty.stdout).toContain('No cost findings');

    const created = async (name: string, flags: Parameters<typeof runCommand>[3]) =>
      JSON.parse(
        (await runCommand(runStorageCommand, ['create', name], env, { ...flags, json: true })).stdout,
      ) as {
        id: string;
      };
    const results = await created('results', {
      type: 'lustre',
      deployment: 'persistent2',
      capacity: '2400',
      throughput: '500',
    });
    const homes = await created('homes', {});

    const listed = await runCommand(runCostCommand, ['findings'], env, { json: true });
    expect(listed.code).toBe(0);
    expect(listed.stderr).toBe('');
    const json = JSON.parse(listed.stdout) as CostFindings;
    expect(json.notes).toEqual([]);
    expect(json.findings[0]).toMatchObject({
      service: 'FSx',
      resource: `results (${results.id})`,
      kind: 'over-provisioned-throughput',
      // The same saving `storage findings` reports for it.
      monthly_saving_usd: 468,
      fix: `cws-tui storage throughput ${results.id} 125 --region us-east-1`,
    });
    expect(json.findings.find((f) => f.kind === 'efs-without-ia')).toMatchObject({
      service: 'EFS',
      fix: `cws-tui storage lifecycle ${homes.id} 30 --region us-east-1`,
    });
    const savings = json.findings.map((f) => f.monthly_saving_usd ?? 0);
    expect(json.monthly_saving_usd).toBeCloseTo(
      savings.reduce((sum, usd) => sum + usd, 0),
      2,
    );

    const text = await runCommand(runCostCommand, ['findings'], env);
    expect(text.stdout).toMatch(/^save \$468\.00\/month {2}FSx results \(fs-\w+\): its busiest hour/m);
    expect(text.stdout).toContain(`  fix: cws-tui storage throughput ${results.id} 125 --region us-east-1`);
    expect(text.stdout).toMatch(/^2 finding\(s\): up to \$\d+\.\d{2}\/month\.$/m);

    // Following the fix makes the finding go away.
    await runCommand(runStorageCommand, ['throughput', results.id, '125'], env);
    const after = JSON.parse(
      (await runCommand(runCostCommand, ['findings'], env, { json: true })).stdout,
    ) as CostFindings;
    expect(after.findings.map((f) => f.kind)).not.toContain('over-provisioned-throughput');
  });

  it('refuses extra arguments as a usage error', async () => {
    await expect(runCommand(runCostCommand, ['findings', 'extra'], testEnvironment())).rejects.toMatchObject({
      exitCode: 2,
    });
  });
});
