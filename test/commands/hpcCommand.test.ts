import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runHpcCommand } from '../../source/commands/hpcCommand.js';
import { runCommand, testEnvironment } from './commandHarness.js';

const scriptIn = (env: NodeJS.ProcessEnv, name: string, text: string) => {
  const path = join(env.HOME ?? '', name);
  writeFileSync(path, text);
  return path;
};

describe('cws-tui hpc on the demo account', () => {
  it('creates a cluster, submits an array job, reads its history with cost, scales a queue and deletes the cluster', async () => {
    const env = testEnvironment();
    await expect(
      runCommand(runHpcCommand, ['create', 'lab'], env, { template: 'slurm-small' }),
    ).rejects.toMatchObject({
      exitCode: 1,
      message: expect.stringMatching(/provider stack[\s\S]*Run again with --yes/),
    });
    const created = await runCommand(runHpcCommand, ['create', 'lab'], env, {
      template: 'slurm-small',
      yes: true,
    });
    expect(created.stderr).toContain('Scheduler: slurm');
    expect(created.stderr).toMatch(/lab: stack CREATE_COMPLETE, head node i-\w+ running \(\d+s\)/);
    expect(created.stdout).toMatch(/^lab is ready in us-east-1/);
    const unwaited = await runCommand(runHpcCommand, ['create', 'other'], env, {
      template: 'slurm-small',
      wait: false,
    });
    expect(unwaited.stdout).toMatch(/^Creating other in us-east-1/);
    expect(unwaited.stderr).not.toContain('other: stack');
    await runCommand(runHpcCommand, ['delete', 'other'], env, { yes: true });
    const listed = JSON.parse(
      (await runCommand(runHpcCommand, ['list'], env, { json: true })).stdout,
    ) as Array<{ name: string; status: string; usd_per_hour: number }>;
    expect(listed).toEqual([expect.objectContaining({ name: 'lab', status: 'CREATE_COMPLETE' })]);
    expect(listed[0]?.usd_per_hour).toBeGreaterThan(0);

    const script = scriptIn(env, 'array.sbatch', '#!/bin/bash\n#SBATCH --array=1-3\necho hi\n');
    const submitted = JSON.parse(
      (
        await runCommand(runHpcCommand, ['submit', 'lab', script, '--job-name=sweep'], env, {
          json: true,
          partition: 'cpu',
        })
      ).stdout,
    ) as { job_id: string };
    expect(submitted.job_id).toBe('1');
    const history = JSON.parse(
      (await runCommand(runHpcCommand, ['history', 'lab'], env, { json: true })).stdout,
    ) as { jobs: Array<{ job_id: string; state: string; name: string; usd: number }> };
    expect(history.jobs.map((j) => [j.job_id, j.state, j.name])).toEqual([
      ['1_1', 'COMPLETED', 'sweep'],
      ['1_2', 'COMPLETED', 'sweep'],
      ['1_3', 'COMPLETED', 'sweep'],
    ]);
    expect((await runCommand(runHpcCommand, ['jobs', 'lab'], env)).stdout).toBe('No jobs in the queue.\n');

    const updated = await runCommand(runHpcCommand, ['update', 'lab'], env, { queue: 'cpu', max: 20 });
    expect(updated.stderr).toContain('cpu/c6i MaxCount 8 → 20');
    const shown = JSON.parse(
      (await runCommand(runHpcCommand, ['show', 'lab'], env, { json: true })).stdout,
    ) as { queues: Array<{ partition: string; max: number }> };
    expect(shown.queues[0]).toMatchObject({ partition: 'cpu', max: 20 });

    await expect(runCommand(runHpcCommand, ['delete', 'lab'], env)).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/add --yes/),
    });
    expect((await runCommand(runHpcCommand, ['delete', 'lab'], env, { yes: true })).stdout).toBe(
      'Deleting lab.\n',
    );
  });

  it('refuses a script that is not a file or too big, and shows an sbatch refusal verbatim, sanitized', async () => {
    const env = testEnvironment();
    await runCommand(runHpcCommand, ['create', 'lab'], env, { template: 'slurm-small', yes: true });
    await expect(runCommand(runHpcCommand, ['submit', 'lab', env.HOME ?? '/'], env)).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/is not a file/),
    });
    const big = scriptIn(env, 'big.sh', `#!/bin/bash\n${'#'.repeat(50 * 1024)}\n`);
    await expect(runCommand(runHpcCommand, ['submit', 'lab', big], env)).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/more than the 49152 bytes/),
    });
    const script = scriptIn(env, 'job.sh', '#!/bin/bash\necho hi\n');
    await expect(
      runCommand(runHpcCommand, ['submit', 'lab', script], env, { partition: 'gpu\u001b[31m' }),
    ).rejects.toMatchObject({
      exitCode: 1,
      message: expect.stringMatching(
        /^sbatch refused the job:\nsbatch: error: invalid partition specified: gpu\nsbatch: error: Batch job submission failed: Invalid partition name specified$/,
      ),
    });
  });

  it('prints the configuration of a template and refuses bad input with usage errors', async () => {
    const env = testEnvironment();
    const config = await runCommand(runHpcCommand, ['config', 'slurm-mpi-efa'], env, {
      fsx: 'fs-0fedcba9876543210',
    });
    expect(config.stdout).toMatch(/PlacementGroup:\n\s+Enabled: true/);
    expect(config.stdout).toContain('FileSystemId: fs-0fedcba9876543210');
    await expect(
      runCommand(runHpcCommand, ['create', '9lab'], env, { template: 'slurm-small' }),
    ).rejects.toMatchObject({ exitCode: 2 });
    await expect(runCommand(runHpcCommand, ['create', 'lab'], env)).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/--template/),
    });
    await expect(runCommand(runHpcCommand, ['frobnicate', 'x'], env)).rejects.toMatchObject({ exitCode: 2 });
    await expect(runCommand(runHpcCommand, ['jobs', 'nope'], env)).rejects.toMatchObject({
      exitCode: 1,
      message: expect.stringMatching(/no cluster named nope/),
    });
  });
});
