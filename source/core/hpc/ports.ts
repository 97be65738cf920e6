import type { ParallelClusterConfig } from './parallelClusterConfigSchema.js';

/**
 * HPC clusters (AWS ParallelCluster 3): the port the AWS adapter (CloudFormation with
 * ParallelCluster's custom resource, EC2 tags, SSM) and the demo account implement.
 */

/** The cluster stack's CloudFormation status, as ParallelCluster reports it. */
export type ClusterStatus =
  | 'CREATE_IN_PROGRESS'
  | 'CREATE_COMPLETE'
  | 'CREATE_FAILED'
  | 'ROLLBACK_COMPLETE'
  | 'UPDATE_IN_PROGRESS'
  | 'UPDATE_COMPLETE'
  | 'UPDATE_FAILED'
  | 'DELETE_IN_PROGRESS'
  | 'DELETE_FAILED'
  | 'DELETE_COMPLETE';

export type ComputeFleetStatus =
  | 'RUNNING'
  | 'STOP_REQUESTED'
  | 'STOPPING'
  | 'STOPPED'
  | 'START_REQUESTED'
  | 'STARTING'
  | 'UNKNOWN';

export interface ClusterNode {
  instance_id: string;
  instance_type: string;
  /** EC2 state: pending, running, ... */
  state: string;
  launched_at: string;
  /** From the parallelcluster:queue-name and compute-resource-name tags (compute nodes only). */
  queue?: string;
  compute_resource?: string;
  /** Its states, oldest first, when the adapter knows them (the cost report's history). */
  transitions?: Array<{ at: string; state: 'running' | 'terminated' }>;
}

export interface HpcCluster {
  name: string;
  region: string;
  status: ClusterStatus;
  /** `cws-tui` when the app made it, `pcluster` when found by its stack tags only. */
  made_by: 'cws-tui' | 'pcluster';
  version?: string;
  created_at: string;
  compute_fleet: ComputeFleetStatus;
  head_node?: ClusterNode;
  compute_nodes: ClusterNode[];
  /** The configuration the cluster runs (unknown for a cluster made outside the app). */
  config?: ParallelClusterConfig;
  tags: Record<string, string>;
}

/** The first resource that failed in a stack, with CloudFormation's reason. */
export interface StackFailure {
  stack: string;
  logical_id: string;
  resource_type: string;
  reason: string;
  at: string;
}

export interface ProviderStatus {
  installed: boolean;
  /** Its stack is being created (or updated) now. */
  in_progress?: boolean;
  stack_name: string;
  version?: string;
  /** What installing it creates, shown before the confirmation. */
  creates: string[];
}

export interface HeadNodeRun {
  exit_code: number;
  stdout: string;
  stderr: string;
}

export interface HpcPort {
  /** ParallelCluster's custom resource provider stack in the region (installed once per version). */
  providerStatus(region: string): Promise<ProviderStatus>;
  installProvider(region: string): Promise<void>;
  createCluster(request: {
    region: string;
    name: string;
    config: ParallelClusterConfig;
    tags: Record<string, string>;
  }): Promise<void>;
  listClusters(regions: readonly string[]): Promise<HpcCluster[]>;
  describeCluster(region: string, name: string): Promise<HpcCluster | undefined>;
  /** Applies a new configuration through ParallelCluster's update path. */
  updateCluster(region: string, name: string, config: ParallelClusterConfig): Promise<void>;
  setComputeFleet(region: string, name: string, status: 'STOP_REQUESTED' | 'START_REQUESTED'): Promise<void>;
  deleteCluster(region: string, name: string): Promise<void>;
  /** The first failed resource of a failed create or update (the cluster stack's, else the app's). */
  firstFailure(region: string, name: string): Promise<StackFailure | undefined>;
  /** Whether the head node's SSM agent is registered and online. */
  headNodeReachable(region: string, instanceId: string): Promise<boolean>;
  /** Runs a script as root on the head node (SSM Run Command) and waits for it. */
  runOnHeadNode(region: string, instanceId: string, script: string, comment: string): Promise<HeadNodeRun>;
}
