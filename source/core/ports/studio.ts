import type { ResourceTags } from './resourceTags.js';

/** SageMaker's app types the app launches: Studio's IDEs in a space, Canvas on a user profile. */
export const STUDIO_APP_TYPES = ['JupyterLab', 'CodeEditor', 'Canvas'] as const;
export type StudioAppType = (typeof STUDIO_APP_TYPES)[number];
/** Apps SageMaker runs that the app never launches (Studio Classic's JupyterServer...), found only by cleanup. */
export type StudioForeignAppType =
  | 'JupyterServer'
  | 'KernelGateway'
  | 'RStudioServerPro'
  | 'RSessionGateway'
  | 'TensorBoard'
  | 'DetailedProfiler';

/** SageMaker's status names for domains, user profiles, spaces and apps (a superset of each). */
export type StudioStatus =
  | 'Pending'
  | 'InService'
  | 'Updating'
  | 'Deleting'
  | 'Deleted'
  | 'Failed'
  | 'Update_Failed'
  | 'Delete_Failed';

export interface StudioDomain {
  id: string;
  name: string;
  region: string;
  status: StudioStatus;
  /** The Studio URL of the domain. */
  url: string;
  /** The domain's home EFS, shown in Storage. */
  home_efs_file_system_id?: string;
  /** Whether SageMaker copies custom tags (cws:managed) to what it creates for the domain. */
  tag_propagation?: boolean;
  failure_reason?: string;
  tags: ResourceTags;
}

export interface StudioUserProfile {
  domain_id: string;
  name: string;
  status: StudioStatus;
}

export interface StudioSpace {
  domain_id: string;
  name: string;
  status: StudioStatus;
  owner_profile: string;
  app_type: 'JupyterLab' | 'CodeEditor';
  instance_type: string;
  idle_timeout_minutes: number;
  /** The space's own EBS volume, billed while the space exists. */
  ebs_volume_gb?: number;
  created_at: string;
  tags: ResourceTags;
}

/** A running (or starting, or deleted) app: the billed part of Studio and Canvas. */
export interface StudioApp {
  domain_id: string;
  region: string;
  type: StudioAppType | StudioForeignAppType;
  name: string;
  /** Canvas apps belong to a user profile, IDE apps to a space. */
  owner: { profile: string } | { space: string };
  status: StudioStatus;
  instance_type: string;
  created_at: string;
  failure_reason?: string;
  tags: ResourceTags;
}

export interface StudioDomainRequest {
  name: string;
  tags: ResourceTags;
  /** The execution role an admin chose; without one the adapter finds or creates the app's role. */
  execution_role_arn?: string;
}

export interface StudioSpaceRequest {
  domain_id: string;
  name: string;
  owner_profile: string;
  app_type: 'JupyterLab' | 'CodeEditor';
  instance_type: string;
  idle_timeout_minutes: number;
  tags: ResourceTags;
}

export interface StudioAppRequest {
  domain_id: string;
  type: StudioAppType;
  owner: { profile: string } | { space: string };
  instance_type: string;
  tags: ResourceTags;
}

/** SageMaker Studio and Canvas: domains, user profiles, spaces, apps and presigned URLs. */
export interface StudioPort {
  listDomains(region: string): Promise<StudioDomain[]>;
  /** Finds the app's domain by name or creates it (IAM auth, the app's VPC and subnets). */
  ensureDomain(region: string, request: StudioDomainRequest): Promise<StudioDomain>;
  ensureUserProfile(
    region: string,
    domainId: string,
    name: string,
    tags: ResourceTags,
  ): Promise<StudioUserProfile>;
  ensureSpace(region: string, request: StudioSpaceRequest): Promise<StudioSpace>;
  listUserProfiles(region: string, domainId: string): Promise<StudioUserProfile[]>;
  listSpaces(region: string, domainId: string): Promise<StudioSpace[]>;
  /**
   * The app's kinds of app in the domain, deleted ones included while SageMaker still lists them;
   * `every_type` adds the other types (for cleanup, which must delete them before their profiles).
   */
  listApps(region: string, domainId: string, options?: { every_type?: boolean }): Promise<StudioApp[]>;
  createApp(region: string, request: StudioAppRequest): Promise<StudioApp>;
  deleteApp(region: string, app: StudioApp): Promise<void>;
  deleteSpace(region: string, domainId: string, name: string): Promise<void>;
  deleteUserProfile(region: string, domainId: string, name: string): Promise<void>;
  /** Deletes the domain, keeping its home EFS (tagged as left by it), whose id it returns. */
  deleteDomain(region: string, domainId: string): Promise<{ retained_home_efs_file_system_id?: string }>;
  /** A sign-in URL, valid for five minutes: made at the moment of connecting, never cached. */
  presignedUrl(
    region: string,
    request: { domain_id: string; profile: string; space?: string; landing: StudioAppType },
  ): Promise<{ url: string; expires_at: string }>;
}
