import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  buildParallelClusterConfig,
  ClusterConfigError,
} from '../../../source/core/hpc/buildParallelClusterConfig.js';
import { clusterCapacity } from '../../../source/core/hpc/clusterCapacity.js';
import { parallelClusterConfigSchema } from '../../../source/core/hpc/parallelClusterConfigSchema.js';
import { renderClusterConfigYaml } from '../../../source/core/hpc/renderClusterConfigYaml.js';
import { builtinTemplatesDir } from '../../../source/core/templates/builtinTemplatesDir.js';
import { loadTemplateRegistry } from '../../../source/core/templates/loadTemplateRegistry.js';
import { resolveAll } from '../../../source/core/templates/resolveTemplate.js';
import { formatDiagnostic } from '../../../source/core/templates/TemplateDiagnostic.js';

const registry = await loadTemplateRegistry({
  searchPath: [{ directory: builtinTemplatesDir({}), origin: 'builtin' }],
});
const resolved = resolveAll(registry);
const template = (slug: string) => {
  const found = resolved.templates.find((t) => t.slug === slug);
  if (!found) throw new Error(`no ${slug}`);
  return found;
};
const base = {
  region: 'us-east-1',
  subnet_id: 'subnet-0abc1234',
  tags: { 'cws:managed': 'true', 'cws:template': 'slurm-small' },
};

describe('the built-in cluster templates', () => {
  it('resolve without diagnostics, with inheritance merging queues by name', () => {
    expect([...registry.diagnostics, ...resolved.diagnostics].map(formatDiagnostic)).toEqual([]);
    expect(template('slurm-small').cluster_config?.queues.map((q) => q.name)).toEqual(['cpu']);
    expect(template('slurm-gpu').inheritance_chain).toEqual(['slurm-small', 'slurm-gpu']);
    expect(template('slurm-gpu').cluster_config?.queues.map((q) => q.name)).toEqual(['cpu', 'gpu']);
    expect(template('slurm-gpu').cluster_config?.head_node.instance_type).toBe('t3.large');
    expect(template('slurm-mpi-efa').cluster_config?.examples).toEqual([
      'array-job.sbatch',
      'mpi-efa.sbatch',
      'fsx-lustre.sbatch',
    ]);
  });

  it.each(['slurm-small', 'slurm-gpu', 'slurm-mpi-efa'])(
    '%s generates a configuration that passes the schema and round-trips through YAML',
    (slug) => {
      const config = buildParallelClusterConfig({
        ...base,
        template: template(slug),
        efs: 'fs-0123456789abcdef0',
      });
      const yaml = renderClusterConfigYaml(config);
      expect(parallelClusterConfigSchema.parse(parse(yaml))).toEqual(config);
      expect(config.HeadNode.Iam.AdditionalIamPolicies).toContainEqual({
        Policy: 'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore',
      });
      expect(config.Scheduling.SlurmSettings.QueueUpdateStrategy).toBe('DRAIN');
      expect(config.SharedStorage?.[0]).toEqual({
        MountDir: '/shared',
        Name: 'efs0',
        StorageType: 'Efs',
        EfsSettings: { FileSystemId: 'fs-0123456789abcdef0' },
      });
    },
  );

  it('slurm-mpi-efa puts EFA nodes in a placement group and mounts FSx for Lustre by id', () => {
    const config = buildParallelClusterConfig({
      ...base,
      template: template('slurm-mpi-efa'),
      fsx: 'fs-0fedcba9876543210',
    });
    const mpi = config.Scheduling.SlurmQueues.find((q) => q.Name === 'mpi');
    expect(mpi?.Networking.PlacementGroup).toEqual({ Enabled: true });
    expect(mpi?.ComputeResources[0]).toMatchObject({
      Efa: { Enabled: true },
      Instances: [{ InstanceType: 'hpc6a.48xlarge' }],
      MinCount: 0,
      MaxCount: 4,
    });
    expect(config.SharedStorage).toContainEqual({
      MountDir: '/fsx',
      Name: 'fsx1',
      StorageType: 'FsxLustre',
      FsxLustreSettings: { FileSystemId: 'fs-0fedcba9876543210' },
    });
    // Without --efs ParallelCluster makes the EFS itself; without --fsx the optional Lustre is left out.
    const plain = buildParallelClusterConfig({ ...base, template: template('slurm-mpi-efa') });
    expect(plain.SharedStorage).toEqual([{ MountDir: '/shared', Name: 'efs0', StorageType: 'Efs' }]);
  });

  it('refuses --fsx for a template without Lustre, and a non-cluster template', () => {
    expect(() =>
      buildParallelClusterConfig({ ...base, template: template('slurm-small'), fsx: 'fs-0fedcba9876543210' }),
    ).toThrow(/mounts no FSx for Lustre/);
    expect(() => buildParallelClusterConfig({ ...base, template: template('ubuntu-24-04') })).toThrow(
      ClusterConfigError,
    );
  });

  it('the schema refuses what ParallelCluster would refuse', () => {
    const config = buildParallelClusterConfig({ ...base, template: template('slurm-small') });
    expect(
      parallelClusterConfigSchema.safeParse({
        ...config,
        Scheduling: { ...config.Scheduling, Scheduler: 'awsbatch' },
      }).success,
    ).toBe(false);
    expect(
      parallelClusterConfigSchema.safeParse({
        ...config,
        Tags: [{ Key: 'parallelcluster:version', Value: 'x' }],
      }).success,
    ).toBe(false);
    expect(
      parallelClusterConfigSchema.safeParse({ ...config, HeadNode: { ...config.HeadNode, Instance: 'x' } })
        .success,
    ).toBe(false);
  });

  it('counts what a cluster can scale to for the policy', () => {
    const config = buildParallelClusterConfig({ ...base, template: template('slurm-gpu') });
    expect(clusterCapacity(config)).toEqual({ nodes: 12, vcpus: 8 * 4 + 4 * 4, gpus: 4, unknown_types: [] });
  });
});
