import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findOnPath } from '../../core/connect/findOnPath.js';
import type { ClusterCreatePlan } from '../../core/hpc/planClusterCreate.js';
import { CliError } from '../CliError.js';
import type { CommandContext } from '../Command.js';

/**
 * `--engine pcluster`: the same checked configuration, created by the `pcluster` CLI on PATH (which
 * then owns the cluster; the app lists it by its stack tags like any pcluster cluster).
 */
export async function handOverToPcluster(context: CommandContext, plan: ClusterCreatePlan): Promise<number> {
  if (!plan.verdict.allowed)
    throw new CliError(
      `the policy denies this cluster: ${plan.verdict.violations.map((v) => v.message).join('; ')}`,
      3,
    );
  const pcluster = findOnPath('pcluster', context.env);
  if (!pcluster)
    throw new CliError(
      '--engine pcluster needs the pcluster CLI on PATH (pip install aws-parallelcluster); without it the default engine uses CloudFormation',
    );
  const directory = mkdtempSync(join(tmpdir(), 'cws-hpc-'));
  try {
    const file = join(directory, `${plan.name}.yaml`);
    writeFileSync(file, plan.yaml, { mode: 0o600 });
    const result = spawnSync(
      pcluster,
      [
        'create-cluster',
        '--cluster-name',
        plan.name,
        '--cluster-configuration',
        file,
        '--region',
        plan.region,
      ],
      { encoding: 'utf8', env: context.env },
    );
    if (result.stdout) context.stdout(result.stdout);
    if (result.status !== 0)
      throw new CliError(
        `pcluster create-cluster failed (exit ${result.status ?? 'signal'}): ${(result.stderr || '').trim()}`,
      );
    return 0;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
