import { describe, expect, it } from 'vitest';
import { autoscalingPlan } from '../../../source/core/hpc/autoscalingPlan.js';
import type { ParallelClusterConfig } from '../../../source/core/hpc/parallelClusterConfigSchema.js';
import type { HpcCluster } from '../../../source/core/hpc/ports.js';
import { evaluatePolicy } from '../../../source/core/policy/evaluatePolicy.js';
import { parsePolicy } from '../../../source/core/policy/parsePolicy.js';
import type { CloudAccount } from '../../../source/core/ports.js';

const config: ParallelClusterConfig = {
  Region: 'us-east-1',
  Image: { Os: 'alinux2023' },
  HeadNode: {
    InstanceType: 't3.medium',
    Networking: { SubnetId: 'subnet-0abc' },
    Iam: { AdditionalIamPolicies: [] },
  },
  Scheduling: {
    Scheduler: 'slurm',
    SlurmSettings: { ScaledownIdletime: 10, QueueUpdateStrategy: 'DRAIN' },
    SlurmQueues: [
      {
        Name: 'cpu',
        CapacityType: 'ONDEMAND',
        Networking: { SubnetIds: ['subnet-0abc'] },
        ComputeResources: [
          { Name: 'c6i', Instances: [{ InstanceType: 'c6i.xlarge' }], MinCount: 0, MaxCount: 8 },
        ],
      },
      {
        Name: 'mix',
        CapacityType: 'SPOT',
        Networking: { SubnetIds: ['subnet-0abc'] },
        ComputeResources: [
          { Name: 'a', Instances: [{ InstanceType: 'c6i.large' }], MinCount: 0, MaxCount: 2 },
          { Name: 'b', Instances: [{ InstanceType: 'c6i.2xlarge' }], MinCount: 0, MaxCount: 2 },
        ],
      },
    ],
  },
};

describe('autoscaling plan', () => {
  it('raises MaxCount without stopping the fleet under DRAIN, and leaves the input alone', () => {
    const plan = autoscalingPlan(config, { queue: 'cpu', max: 20 });
    expect(plan.changes).toEqual(['cpu/c6i MaxCount 8 → 20']);
    expect(plan.fleet_stop_reason).toBeUndefined();
    expect(plan.config.Scheduling.SlurmQueues[0]?.ComputeResources[0]?.MaxCount).toBe(20);
    expect(config.Scheduling.SlurmQueues[0]?.ComputeResources[0]?.MaxCount).toBe(8);
  });

  it('says the fleet must stop for a new idle time', () => {
    const plan = autoscalingPlan(config, { idle_minutes: 30 });
    expect(plan.changes).toEqual(['ScaledownIdletime 10 → 30 min']);
    expect(plan.fleet_stop_reason).toMatch(/ScaledownIdletime/);
  });

  it('refuses unclear or impossible changes with the reason', () => {
    expect(() => autoscalingPlan(config, { queue: 'mix', max: 4 })).toThrow(
      'queue mix has several compute resources: name one as --queue mix/a, mix/b',
    );
    expect(autoscalingPlan(config, { queue: 'mix/b', max: 4 }).changes).toEqual(['mix/b MaxCount 2 → 4']);
    expect(() => autoscalingPlan(config, { queue: 'gpu', max: 4 })).toThrow(
      'no queue gpu: the cluster has cpu, mix',
    );
    expect(() => autoscalingPlan(config, { queue: 'cpu', min: 9 })).toThrow('--min 9 is above --max 8');
    expect(() => autoscalingPlan(config, {})).toThrow(/nothing to change/);
  });
});

describe('the hpc policy section', () => {
  const request = {
    template_slug: 'slurm-small',
    instance_type: 't3.medium',
    region: 'us-east-1',
    spot: false,
    hibernation: false,
    service_type: 'ec2' as const,
    root_volume_gb: 40,
    tags: {},
  };
  const policy = parsePolicy('hpc:\n  max_nodes_per_cluster: 16\n  max_gpus_per_user: 4\n');

  it('caps a cluster at full scale and a user across clusters, in the one evaluation', () => {
    const allowed = evaluatePolicy(
      policy,
      { ...request, cluster: { nodes: 12, vcpus: 48, gpus: 4, user_other: { nodes: 0, gpus: 0 } } },
      {},
    );
    expect(allowed.allowed).toBe(true);
    expect(allowed.checked).toEqual(['hpc.max_nodes_per_cluster', 'hpc.max_gpus_per_user']);
    const denied = evaluatePolicy(
      policy,
      { ...request, cluster: { nodes: 28, vcpus: 96, gpus: 4, user_other: { nodes: 4, gpus: 2 } } },
      {},
    );
    expect(denied.violations.map((v) => [v.rule, v.actual])).toEqual([
      ['hpc.max_nodes_per_cluster', '28'],
      ['hpc.max_gpus_per_user', '6'],
    ]);
  });

  it('denies, unverified, when a size is unknown; ignores the section for workstations', () => {
    const unknown = evaluatePolicy(
      policy,
      { ...request, cluster: { nodes: 2, user_other: { nodes: 0 } } },
      {},
    );
    expect(unknown.violations).toEqual([
      expect.objectContaining({ rule: 'hpc.max_gpus_per_user', unverified: true }),
    ]);
    expect(evaluatePolicy(policy, request, {}).allowed).toBe(true);
  });
});

describe('cluster recommendations', () => {
  it('names an idle head node, a MinCount that keeps nodes up, and on-demand queues fit for spot', async () => {
    const { clusterRecommendations } = await import('../../../source/core/hpc/clusterRecommendations.js');
    const { snapshotPriceCatalog } = await import('../../../source/core/cost/priceTable.js');
    const withMin = structuredClone(config);
    withMin.Scheduling.SlurmQueues[0]!.ComputeResources[0]!.MinCount = 2;
    const cluster = {
      name: 'lab',
      region: 'us-east-1',
      status: 'CREATE_COMPLETE' as const,
      made_by: 'cws-tui' as const,
      created_at: '2026-12-01T00:00:00Z',
      compute_fleet: 'RUNNING' as const,
      head_node: {
        instance_id: 'i-0head',
        instance_type: 't3.medium',
        state: 'running',
        launched_at: '2026-12-01T00:00:00Z',
      },
      compute_nodes: [],
      config: withMin,
      tags: {},
    };
    const found = clusterRecommendations(
      cluster,
      snapshotPriceCatalog,
      '2026-12-04T00:00:00Z',
      Date.parse('2026-12-06T00:00:00Z'),
    );
    expect(found.map((r) => r.kind)).toEqual(['idle-head-node', 'min-count', 'spot-candidate']);
    expect(found[0]?.message).toMatch(/no job for 48 h/);
    expect(found[1]?.message).toContain('--queue cpu/c6i --min 0');
    expect(
      clusterRecommendations(
        cluster,
        snapshotPriceCatalog,
        '2026-12-05T23:00:00Z',
        Date.parse('2026-12-06T00:00:00Z'),
      ).map((r) => r.kind),
    ).not.toContain('idle-head-node');
  });

  it('reach cost findings with a monthly saving where priced and the command that follows them', async () => {
    const { hpcFindingSource } = await import('../../../source/core/hpc/hpcFindingSource.js');
    const { snapshotPriceCatalog } = await import('../../../source/core/cost/priceTable.js');
    const withMin = structuredClone(config);
    withMin.Scheduling.SlurmQueues[0]!.ComputeResources[0]!.MinCount = 2;
    const cluster: HpcCluster = {
      name: 'lab',
      region: 'us-east-1',
      status: 'CREATE_COMPLETE',
      made_by: 'cws-tui',
      created_at: '2026-12-01T00:00:00Z',
      compute_fleet: 'RUNNING',
      head_node: {
        instance_id: 'i-0head',
        instance_type: 't3.medium',
        state: 'running',
        launched_at: '2026-12-01T00:00:00Z',
      },
      compute_nodes: [],
      config: withMin,
      tags: {},
    };
    const account = { hpc: { listClusters: async () => [cluster] } } as unknown as CloudAccount;
    const findings = await hpcFindingSource.list({
      account,
      regions: ['us-east-1'],
      now: new Date('2026-12-06T00:00:00Z'),
      workstations: async () => [],
    });
    const c6i = snapshotPriceCatalog.instanceHourly('c6i.xlarge', 'us-east-1')!.usd_per_hour;
    expect(findings).toEqual([
      expect.objectContaining({ kind: 'idle-head-node', fix: 'cws-tui hpc delete lab' }),
      {
        service: 'ParallelCluster',
        resource: 'lab',
        kind: 'min-count',
        what: expect.stringContaining('keeps 2 × c6i.xlarge up'),
        monthly_saving_usd: Math.round(c6i * 2 * 730 * 100) / 100,
        fix: 'cws-tui hpc update lab --queue cpu/c6i --min 0',
      },
      expect.objectContaining({ kind: 'spot-candidate', fix: expect.stringContaining('SPOT queue') }),
    ]);
    expect(findings[2]).not.toHaveProperty('monthly_saving_usd');
  });
});

describe('budget alerts and clusters', () => {
  it("stop the app's running compute fleets, not the head nodes, and nothing on warn", async () => {
    const { budgetFleetSteps } = await import('../../../source/core/hpc/budgetFleetSteps.js');
    const base = {
      region: 'us-east-1',
      status: 'CREATE_COMPLETE' as const,
      made_by: 'cws-tui' as const,
      created_at: '',
      compute_nodes: [],
    };
    const clusters: HpcCluster[] = [
      { ...base, name: 'lab', compute_fleet: 'RUNNING' as const, tags: { 'cws:managed': 'true' } },
      { ...base, name: 'idle', compute_fleet: 'STOPPED' as const, tags: { 'cws:managed': 'true' } },
      { ...base, name: 'theirs', compute_fleet: 'RUNNING' as const, tags: {} },
    ];
    const alert = { action: 'stop' } as Parameters<typeof budgetFleetSteps>[0];
    expect(budgetFleetSteps(alert, clusters)).toEqual([
      {
        id: 'lab',
        name: 'lab (compute fleet)',
        region: 'us-east-1',
        action: 'stop',
        target: 'hpc-compute-fleet',
        note: 'the compute fleet stops; the head node keeps running',
      },
    ]);
    expect(budgetFleetSteps({ action: 'warn' } as Parameters<typeof budgetFleetSteps>[0], clusters)).toEqual(
      [],
    );
  });
});
