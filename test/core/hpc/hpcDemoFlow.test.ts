import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDemoAccount } from '../../../source/aws/demo/createDemoAccount.js';
import { snapshotPriceCatalog } from '../../../source/core/cost/priceTable.js';
import { clusterRate } from '../../../source/core/hpc/clusterCost.js';
import {
  applyClusterUpdate,
  createClusterFromPlan,
  ProviderConfirmationNeeded,
  planClusterUpdate,
} from '../../../source/core/hpc/clusterLifecycle.js';
import type { HpcContext } from '../../../source/core/hpc/HpcContext.js';
import { hpcCostContributor } from '../../../source/core/hpc/hpcCostContributor.js';
import { jobCost } from '../../../source/core/hpc/jobCost.js';
import { planClusterCreate } from '../../../source/core/hpc/planClusterCreate.js';
import {
  cancelJob,
  findCluster,
  jobHistory,
  jobOutputTail,
  listJobs,
  queueRows,
  readyHeadNode,
} from '../../../source/core/hpc/slurmOnCluster.js';
import { submitJob } from '../../../source/core/hpc/submitJob.js';
import { waitForClusterCreated } from '../../../source/core/hpc/waitForCluster.js';
import type { ResearchUser } from '../../../source/core/identity/ResearchUser.js';
import { builtinTemplatesDir } from '../../../source/core/templates/builtinTemplatesDir.js';
import { loadTemplateRegistry } from '../../../source/core/templates/loadTemplateRegistry.js';
import { resolveAll } from '../../../source/core/templates/resolveTemplate.js';

const registry = await loadTemplateRegistry({
  searchPath: [{ directory: builtinTemplatesDir({}), origin: 'builtin' }],
});
const templates = resolveAll(registry).templates;
const alice: ResearchUser = {
  username: 'alice',
  uid: 5001,
  gid: 5001,
  groups: [],
  shell: '/bin/bash',
  ssh_public_keys: [],
  created_at: '2026-12-01T00:00:00Z',
};
const bob: ResearchUser = { ...alice, username: 'bob', uid: 5002, gid: 5002 };

function demoContext(policy = {}) {
  let now = Date.parse('2026-12-06T08:00:00Z');
  const stateDir = mkdtempSync(join(tmpdir(), 'cws-hpc-'));
  const account = createDemoAccount({ stateDir, env: { CWS_DEMO_SPEED: '1' }, now: () => now });
  const audits: unknown[] = [];
  const context: HpcContext = {
    ops: {
      account,
      profile: { name: 'lab', policy, role: 'member' },
      prices: snapshotPriceCatalog,
      stateDir,
      pollIntervalMs: 1,
      researchUser: async () => alice,
      findResearchUser: async () => undefined,
      audit: async (event) => {
        audits.push(event);
      },
    },
    researchUsers: async () => [alice, bob],
    resolveTemplate: async (slug) => {
      const template = templates.find((t) => t.slug === slug);
      if (!template) throw new Error(`no template ${slug}`);
      return template;
    },
  };
  return { context, audits, advance: (seconds: number) => (now += seconds * 1000) };
}

describe('a researcher on the demo account', () => {
  it('creates a cluster from a template, runs an array job, cancels a task, and reads history and cost', async () => {
    const { context, advance, audits } = demoContext();
    const plan = await planClusterCreate(context, {
      name: 'lab',
      template: 'slurm-small',
      region: 'us-east-1',
    });
    expect(plan.verdict.allowed).toBe(true);
    expect(plan.yaml).toContain('Scheduler: slurm');
    await expect(createClusterFromPlan(context, plan, { confirmProvider: false })).rejects.toBeInstanceOf(
      ProviderConfirmationNeeded,
    );
    await createClusterFromPlan(context, plan, { confirmProvider: true });
    expect(audits).toEqual([expect.objectContaining({ action: 'hpc.create', targets: ['lab'] })]);

    let cluster = await findCluster(context, 'us-east-1', 'lab');
    expect(cluster.status).toBe('CREATE_IN_PROGRESS');
    await expect(readyHeadNode(context, cluster)).rejects.toThrow(
      /CREATE_IN_PROGRESS: Slurm answers once it is CREATE_COMPLETE/,
    );
    advance(121);
    cluster = await findCluster(context, 'us-east-1', 'lab');
    expect(cluster.status).toBe('CREATE_COMPLETE');
    // The research users exist on compute nodes too: every queue runs the uploaded users script.
    for (const queue of cluster.config?.Scheduling.SlurmQueues ?? [])
      expect(queue.CustomActions?.OnNodeConfigured).toEqual({
        Script: 's3://cws-tui-staging-123456789012-us-east-1/hpc/compute-node-users.sh',
        Args: ['alice:5001', 'bob:5002'],
      });
    expect(
      await context.ops.account.bigdata.staging.readText('us-east-1', {
        bucket: 'cws-tui-staging-123456789012-us-east-1',
        key: 'hpc/compute-node-users.sh',
      }),
    ).toContain('useradd --uid "$uid"');

    const script = new TextEncoder().encode(
      '#!/bin/bash\n#SBATCH --job-name=sweep\n#SBATCH --array=1-4%2\necho "task $SLURM_ARRAY_TASK_ID"\n',
    );
    const jobId = await submitJob(context, cluster, {
      file_name: 'sweep.sbatch',
      content: script,
      partition: 'cpu',
      sbatch_args: [],
    });
    expect(jobId).toBe('1');
    let jobs = await listJobs(context, cluster);
    expect(jobs.map((j) => [j.job_id, j.state])).toEqual([
      ['1_1', 'PENDING'],
      ['1_2', 'PENDING'],
      ['1_3', 'PENDING'],
      ['1_4', 'PENDING'],
    ]);

    advance(61);
    jobs = await listJobs(context, cluster);
    expect(jobs.filter((j) => j.state === 'RUNNING').map((j) => j.job_id)).toEqual(['1_1', '1_2']);
    expect(jobs.find((j) => j.job_id === '1_1')?.node_list).toMatch(/^cpu-dy-c6i-\d$/);
    expect(await jobOutputTail(context, cluster, '1_1')).toContain('task 1 of job 1');
    const queues = await queueRows(context, cluster);
    expect(queues[0]).toMatchObject({ partition: 'cpu', allocated: 2, min: 0, max: 8 });
    expect(clusterRate(await findCluster(context, 'us-east-1', 'lab'), snapshotPriceCatalog).nodes_up).toBe(
      2,
    );
    expect(await listJobs(context, cluster, { state: 'running' })).toHaveLength(2);

    await cancelJob(context, cluster, '1_4');
    await expect(cancelJob(context, cluster, '1_4')).rejects.toThrow(
      /scancel 1_4 failed:\nscancel: error: Kill job error on job id 1_4: Job\/step already completing or completed/,
    );

    advance(1200);
    const history = await jobHistory(context, cluster, '2026-12-06T00:00:00');
    expect(history.map((r) => [r.job_id, r.state])).toEqual([
      ['1_1', 'COMPLETED'],
      ['1_2', 'COMPLETED'],
      ['1_3', 'COMPLETED'],
      ['1_4', 'CANCELLED'],
    ]);
    const cost = jobCost(
      history[0]!,
      cluster.config,
      (type) => snapshotPriceCatalog.instanceHourly(type, 'us-east-1')?.usd_per_hour,
    );
    expect(cost.instance_type).toBe('c6i.xlarge');
    expect(cost.usd).toBeGreaterThan(0);
    expect(jobCost(history[3]!, cluster.config, () => 1).usd).toBe(0);

    const costs = await hpcCostContributor.list(context.ops.account, ['us-east-1']);
    expect(costs.resources[0]).toMatchObject({
      kind: 'metered',
      service: 'ParallelCluster',
      id: 'lab/head-node',
    });
    expect(costs.resources.filter((r) => r.id !== 'lab/head-node').length).toBeGreaterThanOrEqual(2);
  });

  it('raises a queue limit through the update path, and the policy caps it', async () => {
    const { context, advance } = demoContext({ hpc: { max_nodes_per_cluster: 24 } });
    await createClusterFromPlan(
      context,
      await planClusterCreate(context, { name: 'lab', template: 'slurm-small', region: 'us-east-1' }),
      { confirmProvider: true },
    );
    advance(121);
    let cluster = await findCluster(context, 'us-east-1', 'lab');
    const plan = await planClusterUpdate(context, cluster, { queue: 'cpu', max: 20 });
    expect(plan.changes).toEqual(['cpu/c6i MaxCount 8 → 20']);
    await applyClusterUpdate(context, cluster, plan, { stopFleet: false });
    cluster = await findCluster(context, 'us-east-1', 'lab');
    expect(cluster.status).toBe('UPDATE_IN_PROGRESS');
    expect(cluster.config?.Scheduling.SlurmQueues[0]?.ComputeResources[0]?.MaxCount).toBe(20);
    advance(61);
    cluster = await findCluster(context, 'us-east-1', 'lab');
    expect(cluster.status).toBe('UPDATE_COMPLETE');

    const tooBig = await planClusterUpdate(context, cluster, { queue: 'cpu', max: 30 });
    await expect(applyClusterUpdate(context, cluster, tooBig, { stopFleet: false })).rejects.toMatchObject({
      exitCode: 3,
      message: expect.stringMatching(/30 nodes, more than the 24/),
    });

    const idle = await planClusterUpdate(context, cluster, { idle_minutes: 30 });
    await expect(applyClusterUpdate(context, cluster, idle, { stopFleet: false })).rejects.toThrow(
      /needs the compute fleet stopped/,
    );
    const progress: string[] = [];
    // Each progress line moves the demo clock on, as the fleet's stop takes its time.
    const onProgress = (line: string) => {
      progress.push(line.replace(/ \(\d+s\)$/, ''));
      advance(50);
    };
    expect(await applyClusterUpdate(context, cluster, idle, { stopFleet: true, onProgress })).toEqual({
      stopped_fleet: true,
    });
    expect(progress).toEqual([
      'compute fleet STOPPING, 0 compute node(s) up',
      'compute fleet STOPPED, 0 compute node(s) up',
    ]);
    cluster = await findCluster(context, 'us-east-1', 'lab');
    expect(cluster.compute_fleet).toBe('STOPPED');
    expect(cluster.status).toBe('UPDATE_IN_PROGRESS');
    expect(cluster.config?.Scheduling.SlurmSettings.ScaledownIdletime).toBe(30);
  });

  it('waits for a new cluster to be CREATE_COMPLETE, showing the stack and head node as they move', async () => {
    const { context, advance } = demoContext();
    await createClusterFromPlan(
      context,
      await planClusterCreate(context, { name: 'lab', template: 'slurm-small', region: 'us-east-1' }),
      { confirmProvider: true },
    );
    const progress: string[] = [];
    const demo = context.ops.account.hpc;
    // Each poll moves the demo clock 30 s on, as ParallelCluster's create takes its time.
    const polled = Object.create(demo, {
      describeCluster: {
        value: (region: string, name: string) => {
          advance(30);
          return demo.describeCluster(region, name);
        },
      },
    }) as typeof demo;
    const cluster = await waitForClusterCreated(polled, 'us-east-1', 'lab', {
      intervalMs: 1,
      timeoutMs: 60_000,
      onProgress: (line) => progress.push(line.replace(/ \(\d+s\)$/, '')),
    });
    expect(cluster.status).toBe('CREATE_COMPLETE');
    expect(progress[0]).toMatch(/^stack CREATE_IN_PROGRESS/);
    expect(progress.at(-1)).toMatch(/^stack CREATE_COMPLETE, head node i-\w+ running$/);
  });

  it('sees a failed creation by its first failed resource, and a head node without SSM agent explained', async () => {
    let now = Date.parse('2026-12-06T08:00:00Z');
    const stateDir = mkdtempSync(join(tmpdir(), 'cws-hpc-'));
    const account = createDemoAccount({
      stateDir,
      env: { CWS_DEMO_SPEED: '1', CWS_DEMO_HPC_FAULTS: 'create-failed' },
      now: () => now,
    });
    await account.hpc.installProvider('us-east-1');
    const { context } = demoContext();
    const plan = await planClusterCreate(context, {
      name: 'broken',
      template: 'slurm-small',
      region: 'us-east-1',
    });
    await account.hpc.createCluster({
      region: 'us-east-1',
      name: 'broken',
      config: plan.config,
      tags: plan.tags,
    });
    now += 121_000;
    expect((await account.hpc.describeCluster('us-east-1', 'broken'))?.status).toBe('ROLLBACK_COMPLETE');
    expect(await account.hpc.firstFailure('us-east-1', 'broken')).toMatchObject({
      logical_id: 'HeadNodeWaitCondition',
      reason: expect.stringMatching(/resource signal/),
    });

    const noAgent = createDemoAccount({
      stateDir,
      env: { CWS_DEMO_SPEED: '1', CWS_DEMO_HPC_FAULTS: 'no-ssm-agent' },
      now: () => now,
    });
    const good = demoContext();
    const cluster = {
      ...(await account.hpc.describeCluster('us-east-1', 'broken'))!,
      status: 'CREATE_COMPLETE' as const,
      head_node: {
        instance_id: 'i-0123456789abcdef0',
        instance_type: 't3.medium',
        state: 'running',
        launched_at: '2026-12-06T08:00:00Z',
      },
    };
    await expect(
      readyHeadNode({ ...good.context, ops: { ...good.context.ops, account: noAgent } }, cluster),
    ).rejects.toThrow(/no SSM agent registered/);
  });
});
