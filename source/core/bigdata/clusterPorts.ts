/** EMR on EC2 cluster states, as the service names them; the last two are final. */
export const CLUSTER_STATES = [
  'STARTING',
  'BOOTSTRAPPING',
  'RUNNING',
  'WAITING',
  'TERMINATING',
  'TERMINATED',
  'TERMINATED_WITH_ERRORS',
] as const;
export type ClusterState = (typeof CLUSTER_STATES)[number];

/** What one instance fleet of a cluster asks for: its instance types, and how many on-demand and spot. */
export interface FleetSpec {
  instance_types: string[];
  on_demand: number;
  spot: number;
}

export interface EmrClusterSpec {
  name: string;
  region: string;
  release_label: string;
  /** EMR applications: Spark, Hive, JupyterEnterpriseGateway, Livy … */
  applications: string[];
  primary: FleetSpec;
  core: FleetSpec;
  /** Managed scaling of the core fleet, in instances. */
  managed_scaling?: { min: number; max: number };
  /** Terminates itself after this many idle minutes; undefined keeps it up (a finding). */
  auto_termination_idle_minutes?: number;
  /** EBS gp3 per instance. */
  ebs_gb: number;
  subnet_ids: string[];
  service_role: string;
  instance_profile: string;
  /** Where EMR writes the cluster's and its steps' logs (`s3://bucket/prefix/`). */
  log_uri: string;
  tags: Record<string, string>;
}

/** A fleet as it runs: what it targets and what EMR has provisioned. */
export interface ClusterFleet extends FleetSpec {
  id: string;
  role: 'primary' | 'core';
  provisioned_on_demand: number;
  provisioned_spot: number;
}

export interface EmrCluster {
  id: string;
  name: string;
  region: string;
  state: ClusterState;
  state_details?: string;
  release_label: string;
  applications: string[];
  fleets: ClusterFleet[];
  managed_scaling?: { min: number; max: number };
  auto_termination_idle_minutes?: number;
  ebs_gb: number;
  created_at: string;
  /** When it became ready to take steps; when it ended. */
  ready_at?: string;
  ended_at?: string;
  log_uri?: string;
  tags: Record<string, string>;
}

/** Step states, as EMR names them; the last four are final. */
export const STEP_STATES = [
  'PENDING',
  'CANCEL_PENDING',
  'RUNNING',
  'COMPLETED',
  'CANCELLED',
  'FAILED',
  'INTERRUPTED',
] as const;
export type StepState = (typeof STEP_STATES)[number];

export interface ClusterStep {
  id: string;
  name: string;
  state: StepState;
  /** The command the step runs (spark-submit and its arguments). */
  args: string[];
  created_at: string;
  started_at?: string;
  ended_at?: string;
  /** Why it failed, as EMR says it. */
  failure?: string;
}

export interface ClusterStepRequest {
  region: string;
  cluster_id: string;
  name: string;
  /** The spark-submit arguments after `spark-submit`: options, the S3 script, its arguments. */
  args: string[];
}

/** EMR on EC2 clusters the app manages (tagged), their fleets and their steps. */
export interface EmrClusterPort {
  /** The managed clusters not yet terminated, and those that ended in the last day (for cost). */
  listClusters(regions: readonly string[]): Promise<EmrCluster[]>;
  describeCluster(region: string, clusterId: string): Promise<EmrCluster>;
  createCluster(spec: EmrClusterSpec): Promise<EmrCluster>;
  /** Sets a fleet's target capacity (instances: each type weighs 1). */
  resizeFleet(
    region: string,
    clusterId: string,
    fleetId: string,
    target: { on_demand: number; spot: number },
  ): Promise<void>;
  terminateCluster(region: string, clusterId: string): Promise<void>;
  addStep(request: ClusterStepRequest): Promise<{ id: string }>;
  /** Steps, newest first. */
  listSteps(region: string, clusterId: string): Promise<ClusterStep[]>;
  cancelStep(region: string, clusterId: string, stepId: string): Promise<void>;
}

/** A final cluster state: it costs nothing more. */
export function isEndedCluster(state: ClusterState): boolean {
  return state === 'TERMINATED' || state === 'TERMINATED_WITH_ERRORS';
}

/** A final step state. */
export function isFinalStepState(state: StepState): boolean {
  return state === 'COMPLETED' || state === 'CANCELLED' || state === 'FAILED' || state === 'INTERRUPTED';
}
