import type { ResolvedTemplate } from '../templates/templateSchema.js';
import type { ClusterConfig } from './clusterConfigSchema.js';
import { type ParallelClusterConfig, parallelClusterConfigSchema } from './parallelClusterConfigSchema.js';

/** SSM Run Command reaches the head node with this policy: jobs and users go through it. */
export const SSM_CORE_POLICY_ARN = 'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore';
/** ParallelCluster's default idle time before a dynamic node powers down, in minutes. */
const DEFAULT_SCALEDOWN_IDLE_MINUTES = 10;

export class ClusterConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ClusterConfigError';
  }
}

export interface ClusterBuildRequest {
  template: ResolvedTemplate;
  region: string;
  subnet_id: string;
  key_name?: string;
  /** `--efs fs-...`: the EFS a template's efs storage without an id mounts (ParallelCluster makes one otherwise). */
  efs?: string;
  /** `--fsx fs-...`: the FSx for Lustre file system of the template's fsx-lustre storage. */
  fsx?: string;
  tags: Record<string, string>;
}

export function clusterConfigOf(template: ResolvedTemplate): ClusterConfig {
  if (!template.cluster_config)
    throw new ClusterConfigError(
      `${template.slug} is not a cluster template (it has no cluster_config): list them with cws-tui hpc templates`,
    );
  return template.cluster_config;
}

function sharedStorage(
  config: ClusterConfig,
  request: ClusterBuildRequest,
): ParallelClusterConfig['SharedStorage'] {
  const entries: NonNullable<ParallelClusterConfig['SharedStorage']> = [];
  for (const [index, storage] of (config.shared_storage ?? []).entries()) {
    const name = `${storage.kind === 'efs' ? 'efs' : 'fsx'}${index}`;
    if (storage.kind === 'efs') {
      const id = storage.file_system_id ?? request.efs;
      entries.push({
        MountDir: storage.mount_dir,
        Name: name,
        StorageType: 'Efs',
        ...(id ? { EfsSettings: { FileSystemId: id } } : {}),
      });
      continue;
    }
    const id = storage.file_system_id ?? request.fsx;
    if (!id) {
      if (storage.optional) continue;
      throw new ClusterConfigError(
        `${request.template.slug} mounts FSx for Lustre at ${storage.mount_dir}: give its file system id with --fsx fs-...`,
      );
    }
    entries.push({
      MountDir: storage.mount_dir,
      Name: name,
      StorageType: 'FsxLustre',
      FsxLustreSettings: { FileSystemId: id },
    });
  }
  if (request.fsx && !(config.shared_storage ?? []).some((s) => s.kind === 'fsx-lustre'))
    throw new ClusterConfigError(
      `${request.template.slug} mounts no FSx for Lustre file system, so --fsx has nowhere to go`,
    );
  return entries.length > 0 ? entries : undefined;
}

/**
 * ParallelCluster 3's cluster configuration for a template: what `hpc config` prints, the review
 * shows, and the CloudFormation custom resource (or `pcluster create-cluster`) receives. The result
 * is checked against the schema of the fields the app writes before anyone sees it.
 */
export function buildParallelClusterConfig(request: ClusterBuildRequest): ParallelClusterConfig {
  const config = clusterConfigOf(request.template);
  const storage = sharedStorage(config, request);
  const tags = Object.entries(request.tags).map(([Key, Value]) => ({ Key, Value }));
  const built: ParallelClusterConfig = {
    Region: request.region,
    Image: { Os: config.os ?? 'alinux2023' },
    HeadNode: {
      InstanceType: config.head_node.instance_type,
      Networking: { SubnetId: request.subnet_id },
      ...(request.key_name ? { Ssh: { KeyName: request.key_name } } : {}),
      ...(config.head_node.root_volume_gb
        ? { LocalStorage: { RootVolume: { Size: config.head_node.root_volume_gb } } }
        : {}),
      Iam: { AdditionalIamPolicies: [{ Policy: SSM_CORE_POLICY_ARN }] },
    },
    Scheduling: {
      Scheduler: 'slurm',
      SlurmSettings: {
        ScaledownIdletime: config.scaledown_idle_minutes ?? DEFAULT_SCALEDOWN_IDLE_MINUTES,
        // DRAIN lets MinCount/MaxCount change without stopping the fleet (running jobs finish).
        QueueUpdateStrategy: 'DRAIN',
      },
      SlurmQueues: config.queues.map((queue) => ({
        Name: queue.name,
        CapacityType: queue.capacity_type ?? 'ONDEMAND',
        Networking: {
          SubnetIds: [request.subnet_id],
          ...(queue.placement_group ? { PlacementGroup: { Enabled: true } } : {}),
        },
        ComputeResources: queue.compute_resources.map((resource) => ({
          Name: resource.name,
          Instances: [{ InstanceType: resource.instance_type }],
          MinCount: resource.min_count ?? 0,
          MaxCount: resource.max_count,
          ...(resource.efa ? { Efa: { Enabled: true } } : {}),
        })),
      })),
    },
    ...(storage ? { SharedStorage: storage } : {}),
    ...(tags.length > 0 ? { Tags: tags } : {}),
  };
  const checked = parallelClusterConfigSchema.safeParse(built);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new ClusterConfigError(
      `the ParallelCluster configuration is not valid at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'unknown'}`,
    );
  }
  return checked.data;
}
