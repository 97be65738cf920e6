import type { EmrClusterPort } from './clusterPorts.js';

/** EMR Serverless application states, as the service names them. */
export const APPLICATION_STATES = [
  'CREATING',
  'CREATED',
  'STARTING',
  'STARTED',
  'STOPPING',
  'STOPPED',
  'TERMINATED',
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

export type SparkArchitecture = 'X86_64' | 'ARM64';

/** One kind of worker: its size and how many are kept warm. */
export interface WorkerGroup {
  workers: number;
  vcpu: number;
  memory_gb: number;
  disk_gb: number;
}

/** The most an application may use at once: its cost cap. */
export interface SparkCapacity {
  vcpu: number;
  memory_gb: number;
  disk_gb: number;
}

/** Where the application's workers run when they need the VPC (private data, FSx, databases). */
export interface SparkNetwork {
  subnet_ids: string[];
  security_group_ids: string[];
}

export interface SparkApplicationSpec {
  name: string;
  region: string;
  release_label: string;
  architecture: SparkArchitecture;
  initial_capacity?: { driver?: WorkerGroup; executor?: WorkerGroup };
  maximum_capacity: SparkCapacity;
  auto_start: boolean;
  /** Stops after this many idle minutes; undefined leaves it running (a finding). */
  auto_stop_idle_minutes?: number;
  network?: SparkNetwork;
  tags: Record<string, string>;
}

export interface SparkApplication extends SparkApplicationSpec {
  id: string;
  state: ApplicationState;
  state_details?: string;
  created_at: string;
  updated_at: string;
}

/** Job run states, as EMR Serverless names them; the last four are final. */
export const JOB_RUN_STATES = [
  'SUBMITTED',
  'PENDING',
  'SCHEDULED',
  'QUEUED',
  'RUNNING',
  'CANCELLING',
  'SUCCESS',
  'FAILED',
  'CANCELLED',
] as const;
export type JobRunState = (typeof JOB_RUN_STATES)[number];

/** What a run was billed for: the service rounds up to a minute per worker, and 20 GB disk is free. */
export interface ResourceUtilization {
  vcpu_hours: number;
  memory_gb_hours: number;
  storage_gb_hours: number;
}

export interface JobRun {
  id: string;
  application_id: string;
  name: string;
  state: JobRunState;
  state_details?: string;
  created_at: string;
  updated_at: string;
  /** The S3 URI of the script or jar. */
  entry_point: string;
  arguments: string[];
  spark_submit_parameters?: string;
  /** Where the driver and executor logs are written (`s3://bucket/prefix/`). */
  log_uri?: string;
  /** Set once the run has ended (GetJobRun reports it; a listing does not). */
  billed?: ResourceUtilization;
  duration_seconds?: number;
  attempts?: number;
  release_label?: string;
}

export interface JobRunRequest {
  region: string;
  application_id: string;
  name: string;
  execution_role_arn: string;
  entry_point: string;
  arguments: string[];
  spark_submit_parameters: string;
  log_uri: string;
  /** Sent as the idempotency token: a retried submit never starts a second run. */
  client_token: string;
  /** Attempts before the run fails (the service's retry policy); 1 means no retry. */
  max_attempts: number;
  tags: Record<string, string>;
}

/** EMR Serverless applications and their Spark job runs. */
export interface EmrServerlessPort {
  listApplications(regions: readonly string[]): Promise<SparkApplication[]>;
  createApplication(spec: SparkApplicationSpec, clientToken: string): Promise<SparkApplication>;
  startApplication(region: string, applicationId: string): Promise<void>;
  stopApplication(region: string, applicationId: string): Promise<void>;
  deleteApplication(region: string, applicationId: string): Promise<void>;
  startJobRun(request: JobRunRequest): Promise<{ id: string }>;
  /** The runs of an application, newest first (without billed use: see getJobRun). */
  listJobRuns(region: string, applicationId: string): Promise<JobRun[]>;
  getJobRun(region: string, applicationId: string, jobRunId: string): Promise<JobRun>;
  cancelJobRun(region: string, applicationId: string, jobRunId: string): Promise<void>;
  /** The Spark UI of a run: a short-lived URL the service signs on request. */
  dashboardUrl(region: string, applicationId: string, jobRunId: string): Promise<string>;
}

/** An S3 location: a bucket and a key (or a key prefix). */
export interface S3Location {
  bucket: string;
  key: string;
}

/** The lab's staging bucket, where scripts are uploaded and job logs are written. */
export interface BigDataStagingPort {
  /** The staging bucket of the region: found, or created private and encrypted. */
  ensureStagingBucket(region: string): Promise<string>;
  upload(region: string, location: S3Location, body: Uint8Array): Promise<void>;
  /** An object's text (gunzipped when it ends in .gz), or undefined when there is none. */
  readText(region: string, location: S3Location): Promise<string | undefined>;
}

/** The execution role Spark jobs run as. */
export interface BigDataRolePort {
  /**
   * Finds or creates the one job execution role of the account, allowed to read and write the
   * staging prefix and to read and write exactly the named data buckets; its ARN.
   */
  ensureJobExecutionRole(staging: S3Location, dataBuckets: readonly string[]): Promise<string>;
  /** Finds or creates the EMR Studio service role: its network interfaces and the workspace prefix; its ARN. */
  ensureStudioServiceRole(workspaces: S3Location): Promise<string>;
  /**
   * Finds or creates what an EMR on EC2 cluster runs as: EMR's service role, and the instance
   * profile of its nodes, allowed the staging prefix and exactly the named data buckets.
   */
  ensureClusterRoles(
    staging: S3Location,
    dataBuckets: readonly string[],
  ): Promise<{ service_role: string; instance_profile: string }>;
}

/** What an EMR Studio is made from: once per lab and region. */
export interface EmrStudioSpec {
  name: string;
  region: string;
  vpc_id: string;
  subnet_ids: string[];
  service_role_arn: string;
  /** Where workspaces and notebooks are kept (`s3://bucket/prefix/`). */
  workspace_location: string;
  tags: Record<string, string>;
}

export interface EmrStudio {
  id: string;
  name: string;
  region: string;
  /** The Studio's own web address, where the researcher signs in with their IAM identity. */
  url: string;
  auth_mode: 'IAM' | 'SSO';
  vpc_id: string;
  subnet_ids: string[];
  workspace_location?: string;
  created_at?: string;
}

/** EMR Studio: the lab's notebook environment for Spark, reached in a browser. */
export interface EmrStudioPort {
  listStudios(region: string): Promise<EmrStudio[]>;
  describeStudio(region: string, id: string): Promise<EmrStudio>;
  /** Creates it, with its workspace and engine security groups in the VPC. */
  createStudio(spec: EmrStudioSpec): Promise<EmrStudio>;
}

/** Everything big data: EMR Serverless, EMR on EC2, EMR Studio, and the S3 and IAM they need. */
export interface BigDataPort {
  serverless: EmrServerlessPort;
  clusters: EmrClusterPort;
  staging: BigDataStagingPort;
  roles: BigDataRolePort;
  studio: EmrStudioPort;
}
