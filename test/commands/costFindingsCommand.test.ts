import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBigdataCommand } from '../../source/commands/bigdataCommand.js';
import { runCostCommand } from '../../source/commands/costCommand.js';
import { runStorageCommand } from '../../source/commands/storageCommand.js';
import type { CostFindings } from '../../source/core/cost/listCostFindings.js';
import { runCommand, testEnvironment } from './commandHarness.js';
import { createStorageWithFindings } from './storageFindingFixtures.js';

/** `cost findings` on the demo account: storage's findings reach the one list, with the command that fixes them. */
describe('cws-tui cost findings on the demo account', () => {
  it('lists an over-provisioned Lustre file system and an EFS without IA, biggest saving first, with the total', async () => {
    const env = testEnvironment();
    const empty = await runCommand(runCostCommand, ['findings'], env);
    expect(empty.code).toBe(0);
    expect(empty.stdout).toContain('No cost findings');

    const { results, homes } = await createStorageWithFindings(env);

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

const ALWAYS_ON = `name: Always-on Spark cluster
slug: emr-always-on
description: A cluster without auto-termination, its core nodes on demand.
bigdata:
  kind: emr-cluster
  release_label: emr-7.5.0
  applications: [Spark]
  primary:
    instance_types: [m6g.xlarge]
    on_demand: 1
  core:
    instance_types: [m6g.xlarge]
    on_demand: 2
  ebs_gb: 64
complexity: advanced
category: Big Data
version: "1.0.0"
`;

describe('cws-tui cost findings with an EMR cluster on the demo account', () => {
  it('names a cluster without auto-termination and with an on-demand core fleet, with the fix', async () => {
    const env = testEnvironment();
    mkdirSync(join(env.CWS_CONFIG_DIR!, 'templates'), { recursive: true });
    writeFileSync(join(env.CWS_CONFIG_DIR!, 'templates', 'emr-always-on.yml'), ALWAYS_ON);
    const created = await runCommand(
      runBigdataCommand,
      ['cluster', 'create', 'emr-always-on', 'always'],
      env,
      {
        json: true,
        bucket: ['lab-data'],
      },
    );
    expect(created.code).toBe(0);
    const listed = JSON.parse(
      (await runCommand(runCostCommand, ['findings'], env, { json: true })).stdout,
    ) as CostFindings;
    expect(listed.notes).toEqual([]);
    const emr = listed.findings.filter((f) => f.service === 'EMR');
    expect(emr.map((f) => f.kind).sort()).toEqual(['no-auto-termination', 'on-demand-core']);
    expect(emr.find((f) => f.kind === 'no-auto-termination')).toMatchObject({
      resource: expect.stringMatching(/^always \(j-\w+\)$/),
      what: expect.stringContaining('always has no auto-termination: it bills until terminated'),
      fix: expect.stringContaining('cws-tui bigdata cluster terminate always --yes'),
    });
    // Neither rule can price its saving: they count as unpriced, not as $0.
    expect(listed.unpriced).toBe(2);
    const text = await runCommand(runCostCommand, ['findings'], env);
    expect(text.stdout).toMatch(/^saving unknown {2}EMR always \(j-\w+\): always has no auto-termination/m);
    expect(text.stdout).toContain('and 2 finding(s) whose saving is not known');
  });
});
