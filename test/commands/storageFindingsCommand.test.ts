import { describe, expect, it } from 'vitest';
import { runStorageCommand } from '../../source/commands/storageCommand.js';
import { runCommand, testEnvironment } from './commandHarness.js';
import { createStorageWithFindings } from './storageFindingFixtures.js';

interface Finding {
  kind: string;
  file_system_id: string;
  monthly_saving_usd: number;
  command: string;
}

/** `storage findings` on the demo account: over-provisioned FSx throughput and EFS without IA, each fixed by its command. */
describe('storage findings for throughput and Infrequent Access', () => {
  it('finds both with their saving, and the commands they name make them go away', async () => {
    const env = testEnvironment();
    const { results, homes } = await createStorageWithFindings(env);

    const findings = async () =>
      JSON.parse(
        (await runCommand(runStorageCommand, ['findings'], env, { json: true })).stdout,
      ) as Finding[];
    const before = await findings();
    const throughput = before.find((f) => f.kind === 'over-provisioned-throughput');
    const lifecycle = before.find((f) => f.kind === 'efs-without-ia');
    expect(throughput).toMatchObject({ file_system_id: results.id });
    // 2400 GiB at 500 MB/s/TiB is $0.34/GB-month and at 125 $0.145: the demo's light workload fits 125.
    expect(throughput?.monthly_saving_usd).toBe(468);
    expect(throughput?.command).toBe(`cws-tui storage throughput ${results.id} 125 --region us-east-1`);
    expect(lifecycle).toMatchObject({
      file_system_id: homes.id,
      command: `cws-tui storage lifecycle ${homes.id} 30 --region us-east-1`,
    });
    const text = await runCommand(runStorageCommand, ['findings'], env);
    expect(text.stdout).toContain(
      `results (${results.id}): save $${throughput?.monthly_saving_usd.toFixed(2)}/month`,
    );

    // Values FSx and EFS would refuse are refused first, with what they take.
    await expect(runCommand(runStorageCommand, ['throughput', results.id, '300'], env)).rejects.toMatchObject(
      {
        exitCode: 2,
        message: expect.stringContaining('nearest 250 or 500 MB/s/TiB'),
      },
    );
    await expect(runCommand(runStorageCommand, ['lifecycle', homes.id, '45'], env)).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining('1, 7, 14, 30, 60, 90, 180, 270, 365'),
    });
    await expect(
      runCommand(runStorageCommand, ['throughput', results.id, 'fast'], env),
    ).rejects.toMatchObject({
      exitCode: 2,
    });

    const changed = await runCommand(runStorageCommand, ['throughput', results.id, '125'], env);
    expect(changed.stdout).toMatch(
      /results \(fs-\w+\): throughput 500 MB\/s\/TiB -> 125 MB\/s\/TiB, \$816\.00 -> \$348\.00 a month/,
    );
    const applied = await runCommand(runStorageCommand, ['lifecycle', homes.id], env);
    expect(applied.stdout).toContain('files unread for 30 days now move to Infrequent Access');

    const after = await findings();
    expect(after.map((f) => f.kind)).not.toContain('efs-without-ia');
    expect(after.map((f) => f.kind)).not.toContain('over-provisioned-throughput');
  });
});
