import { describe, expect, it } from 'vitest';
import type { EmrClusterConfig } from '../../../source/core/bigdata/bigdataTemplateSchema.js';
import {
  emrClusterCostResource,
  emrClusterUsdPerHour,
} from '../../../source/core/bigdata/emrClusterCostResource.js';
import { emrClusterFindings } from '../../../source/core/bigdata/emrClusterFindings.js';
import { nodeHourUsd } from '../../../source/core/bigdata/emrClusterRates.js';
import { emrClusterPlan, emrClusterPolicyFacts } from '../../../source/core/bigdata/emrClusterSpec.js';
import { waitingCluster as cluster } from './emrClusterFixture.js';

const config: EmrClusterConfig = {
  kind: 'emr-cluster',
  release_label: 'emr-7.5.0',
  applications: ['Spark'],
  primary: { instance_types: ['m6g.xlarge'], on_demand: 1 },
  core: { instance_types: ['m6g.xlarge', 'm7g.xlarge'], spot: 2 },
  managed_scaling: { min: 2, max: 6 },
  auto_termination_idle_minutes: 60,
};

describe('EMR on EC2 cost and findings', () => {
  it('prices a node-hour as EC2 + the EMR uplift + its gp3 volume, and the cluster by its nodes up', () => {
    const hour = nodeHourUsd('m6g.xlarge', 'us-east-1', 64)!;
    expect(hour.emr).toBe(0.038);
    expect(hour.ec2).toBeGreaterThan(0.1);
    expect(hour.ebs).toBeCloseTo((64 * 0.08) / 730, 6);
    expect(emrClusterUsdPerHour(cluster).usd_per_hour).toBeCloseTo(4 * hour.usd, 9);
    const resource = emrClusterCostResource({
      ...cluster,
      state: 'TERMINATED',
      ended_at: '2026-12-06T08:00:00.000Z',
    });
    expect(resource).toMatchObject({
      kind: 'metered',
      service: 'EMR on EC2',
      transitions: [
        { at: '2026-12-06T06:00:00.000Z', state: 'running' },
        { at: '2026-12-06T08:00:00.000Z', state: 'terminated' },
      ],
    });
    expect(
      emrClusterCostResource({
        ...cluster,
        fleets: [{ ...cluster.fleets[0]!, instance_types: ['x9.huge'] }],
      }),
    ).toBeUndefined();
  });

  it('names a cluster without auto-termination, idle an hour, with an all on-demand core fleet', () => {
    const findings = emrClusterFindings(cluster, [], new Date('2026-12-06T08:00:00Z'));
    expect(findings.map((f) => f.kind)).toEqual(['no-auto-termination', 'idle-cluster', 'on-demand-core']);
    expect(findings[1]?.message).toContain('has waited 113 minutes without a step');
    const busy = emrClusterFindings(
      { ...cluster, auto_termination_idle_minutes: 60 },
      [{ id: 's-1', name: 'etl', state: 'RUNNING', args: [], created_at: '2026-12-06T07:50:00.000Z' }],
      new Date('2026-12-06T08:00:00Z'),
    );
    expect(busy.map((f) => f.kind)).toEqual(['on-demand-core']);
  });

  it('sizes a plan at full scale for the policy, and refuses a bad plan before any call', () => {
    const plan = emrClusterPlan(config, { name: 'hadoop', region: 'us-east-1', tags: {} });
    const { facts, hourly_cost } = emrClusterPolicyFacts(plan, ['lab-data']);
    // m6g.xlarge and m7g.xlarge: 4 vCPU, 16 GiB; primary + 6 core nodes at full scale.
    expect(facts).toMatchObject({
      kind: 'emr-cluster',
      max_vcpus: 28,
      max_memory_gb: 112,
      auto_stop_idle_minutes: 60,
    });
    expect(hourly_cost).toBeGreaterThan(7 * 0.15);
    expect(() =>
      emrClusterPlan(config, { name: 'x', region: 'us-east-1', tags: {} }, { core_nodes: 9 }),
    ).toThrow('managed scaling 2-6 must hold');
    expect(() =>
      emrClusterPlan(
        { ...config, primary: { instance_types: ['m6g.xlarge'], on_demand: 2 } },
        { name: 'x', region: 'us-east-1', tags: {} },
      ),
    ).toThrow('exactly one node');
    expect(() =>
      emrClusterPolicyFacts(
        emrClusterPlan(
          { ...config, core: { instance_types: ['zz9.mega'], spot: 2 } },
          { name: 'x', region: 'us-east-1', tags: {} },
        ),
        [],
      ),
    ).toThrow('unknown instance type zz9.mega');
  });
});
