import type { AnalyticsPort } from './analytics/ports.js';
import type { BigDataPort } from './bigdata/ports.js';
import type { InstanceTypeInfo } from './catalog/InstanceTypeInfo.js';
import type { FsxPort, StoragePricePort } from './fsx/ports.js';
import type { GlobusAuthPort } from './globus/ports.js';
import type { HpcPort } from './hpc/ports.js';
import type { S3ObjectRef } from './iam/templateFilesReadPolicy.js';
import type { Distro } from './images/baseImages.js';
import type { NetworkChoice } from './network/NetworkChoice.js';
import type { CreatedNetwork, NetworkOverview } from './network/NetworkOverview.js';
import type { BlockStoragePort } from './ports/blockStorage.js';
import type { InstanceChangePort } from './ports/instanceChanges.js';
import type { MetricsPort } from './ports/metrics.js';
import type { RemoteCommandPort } from './ports/remoteCommands.js';
import type { ResourceTags } from './ports/resourceTags.js';
import type { SchedulePort } from './ports/schedules.js';
import type { StoragePort } from './ports/storage.js';
import type { StudioPort } from './ports/studio.js';
import type { Architecture } from './templates/templateSchema.js';

export * from './ports/blockStorage.js';
export * from './ports/instanceChanges.js';
export * from './ports/metrics.js';
export * from './ports/remoteCommands.js';
export * from './ports/schedules.js';
export * from './ports/storage.js';
export * from './ports/studio.js';

/**
 * The interfaces the cloud layer implements: `source/aws` with the AWS SDK, `source/aws/demo` with
 * the simulated demo account. The core only ever talks to these.
 */

/** EC2's instance state names, plus the app's view of a stopped-by-hibernation instance. */
export const INSTANCE_STATES = [
  'pending',
  'running',
  'stopping',
  'stopped',
  'shutting-down',
  'terminated',
] as const;
export type InstanceState = (typeof INSTANCE_STATES)[number];

export type { ResourceTags } from './ports/resourceTags.js';

/** The tags every managed resource carries: the truth about resources lives in AWS. */
export const TAG = {
  managed: 'cws:managed',
  template: 'cws:template',
  owner: 'cws:owner',
  researchUser: 'cws:research-user',
  profile: 'cws:profile',
  project: 'cws:project',
  launchId: 'cws:launch-id',
  progress: 'cws:progress',
  hibernated: 'cws:hibernated',
  override: 'cws:policy-override',
  /** The EFS file system a workstation mounts (set at launch, removed by `storage unmount`). */
  efs: 'cws:efs',
  /** The verified Globus username linked to the launching research user. */
  globusIdentity: 'cws:globus-identity',
  name: 'Name',
} as const;

export interface StateTransition {
  at: string;
  state: InstanceState | 'hibernated';
}

/** An EC2 instance as the app sees it, rebuilt from AWS on every refresh. */
export interface Instance {
  id: string;
  name: string;
  region: string;
  availability_zone?: string;
  state: InstanceState;
  instance_type: string;
  architecture: Architecture;
  image_id: string;
  launched_at: string;
  public_ip?: string;
  private_ip?: string;
  spot: boolean;
  hibernation_configured: boolean;
  /** Stopped by a hibernate request (its RAM is on the root volume). */
  hibernated: boolean;
  root_volume_gb: number;
  root_volume_type: string;
  key_name?: string;
  client_token?: string;
  tags: ResourceTags;
  /** Known state changes, oldest first; the demo account keeps them all, AWS gives the latest. */
  transitions: StateTransition[];
}

export interface RunInstanceRequest {
  region: string;
  name: string;
  image_id: string;
  instance_type: string;
  /** Base64 of the user data payload (gzip or plain), as RunInstances takes it. */
  user_data_base64: string;
  /** Idempotency: a retry with the same token returns the same instance. */
  client_token: string;
  tags: ResourceTags;
  root_volume_gb: number;
  root_volume_type: 'gp3' | 'gp2' | 'io2';
  spot: boolean;
  hibernation: boolean;
  key_name?: string;
  security_group_ids?: string[];
  subnet_id?: string;
  availability_zone?: string;
  iam_instance_profile?: string;
}

export interface InstanceFilter {
  regions: string[];
  /** Only instances whose tags have these values (always includes cws:managed=true). */
  tags?: ResourceTags;
  ids?: string[];
}

export interface ListResult<T> {
  items: T[];
  /** API calls made, for the bench and for throttling diagnostics. */
  requests: number;
}

export interface ComputePort {
  runInstance(request: RunInstanceRequest): Promise<Instance>;
  listInstances(filter: InstanceFilter): Promise<ListResult<Instance>>;
  findByClientToken(region: string, clientToken: string): Promise<Instance | undefined>;
  startInstance(region: string, id: string): Promise<void>;
  stopInstance(region: string, id: string, options: { hibernate: boolean }): Promise<void>;
  terminateInstance(region: string, id: string): Promise<void>;
  describeInstanceTypes(region: string, names: string[]): Promise<InstanceTypeInfo[]>;
  /** The serial console text, where provisioning progress markers appear. */
  consoleOutput(region: string, id: string): Promise<string>;
  /** A DryRun of RunInstances: resolves when permitted, rejects with a CloudError otherwise. */
  checkLaunchPermission(request: RunInstanceRequest): Promise<void>;
}

/** Where a base image is published, resolved to an AMI id at launch time. */
export type ImageSource =
  | { kind: 'ssm'; parameter: string }
  | { kind: 'describe-images'; owner: string; name_pattern: string; architecture: Architecture }
  /** An AMI the template names itself (`base: ami-based`): checked to exist and fit, not looked up. */
  | { kind: 'ami'; image_id: string; architecture: Architecture };

export interface ImagePort {
  resolveImage(region: string, source: ImageSource): Promise<string>;
  /** The Linux an AMI says it runs (platform, name, description); undefined when it does not say. */
  imageDistro?(region: string, imageId: string): Promise<Distro | undefined>;
}

export interface CallerIdentity {
  account: string;
  arn: string;
  user_id: string;
}

export interface IdentityPort {
  callerIdentity(): Promise<CallerIdentity>;
}

export interface NetworkPort {
  /**
   * The app's security group in the subnet's VPC (created once, tagged): SSH from `ssh_cidr` only.
   * Only rules the app tagged are ever added or removed; an admin's own rules stay. An admin's own
   * `security_group_id` is used as is.
   */
  ensureSecurityGroup(region: string, options: NetworkChoice): Promise<string>;
  /** The region's VPCs and subnets, and how a workstation in each would be reached. */
  describeNetworks(region: string): Promise<NetworkOverview>;
  /**
   * A small tagged VPC (one public subnet in each of two zones, an internet gateway, no NAT), or
   * the rest of one an interrupted run left half-made.
   */
  createNetwork(region: string): Promise<CreatedNetwork>;
  /** Imports the public key under a stable name and returns that name (no-op when present). */
  ensureKeyPair(region: string, name: string, publicKey: string): Promise<string>;
}

/**
 * The IAM instance profile workstations run with: their boot script and idle agent tag and stop
 * their own instance through it, and the SSM agent registers with it for Session Manager.
 */
export interface InstanceRolePort {
  /** Finds or creates the profile (or takes the one an admin configured); its ARN or name. */
  ensureWorkstationInstanceProfile(): Promise<string>;
  /**
   * Lets workstations of template `slug` read exactly these S3 objects (s3:GetObject, no listing)
   * through the role; says what it did. With an admin's own instance profile nothing is changed,
   * and the answer says the admin's role must allow it.
   */
  grantTemplateFiles(slug: string, objects: readonly S3ObjectRef[]): Promise<string>;
}

/** Everything a session needs from one AWS account (or the demo account). */
export interface CloudAccount {
  kind: 'aws' | 'demo';
  /** Regions the app lists resources in. */
  regions: string[];
  defaultRegion: string;
  identity: IdentityPort;
  compute: ComputePort;
  images: ImagePort;
  network: NetworkPort;
  storage: StoragePort;
  studio: StudioPort;
  roles: InstanceRolePort;
  /** SSM Run Command on running workstations (exec, logs, idle policies, mounting volumes). */
  commands: RemoteCommandPort;
  /** EBS data volumes, snapshots and images. */
  blockStorage: BlockStoragePort;
  /** Type changes and tags on existing instances. */
  instanceChanges: InstanceChangePort;
  /** Start/stop schedules (EventBridge Scheduler). */
  schedules: SchedulePort;
  /** Utilisation history (CloudWatch) for rightsizing. */
  metrics: MetricsPort;
  secrets: ServiceSecretPort;
  /** HPC clusters: AWS ParallelCluster through CloudFormation, Slurm through SSM. */
  hpc: HpcPort;
  bigdata: BigDataPort;
  analytics: AnalyticsPort;
  fsx: FsxPort;
  /** FSx and EFS prices of a region (the Price List API's, else the snapshot's). */
  storagePrices?: StoragePricePort;
  globus: GlobusAuthPort;
}

/**
 * The web services' sign-in secrets, which each workstation makes at boot and stores itself as a
 * SecureString under `/cws-tui/<instance-id>/<service>`: never in user data, tags or launch records.
 */
export interface ServiceSecretPort {
  /** The secret, or undefined while the instance has not stored it (it does when its services start). */
  readServiceSecret(region: string, instanceId: string, service: string): Promise<string | undefined>;
}
