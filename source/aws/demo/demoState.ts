import { z } from 'zod';
import { INSTANCE_STATES } from '../../core/ports.js';
import { lazySchema } from '../../core/schema/lazySchema.js';
import { demoOperationsSchema, emptyDemoOperations } from './demoOperationsState.js';

/**
 * The demo account's persisted state. Instance states are stored as timed transitions (some in the
 * future), so the current state is a pure function of the clock: no timers, and a restart resumes
 * exactly where the simulation was.
 */
const transition = lazySchema(() =>
  z.object({
    at: z.string(),
    state: z.union([z.enum(INSTANCE_STATES), z.literal('hibernated')]),
  }),
);

/**
 * Checks, never changes: `readDemoStateFile` keeps each instance as parsed (zod's copy of 10,000 was
 * the load's peak), so a default or transform added here would not apply to what is read.
 */
export const demoInstanceSchema = lazySchema(() =>
  z.object({
    id: z.string(),
    region: z.string(),
    availability_zone: z.string(),
    instance_type: z.string(),
    architecture: z.enum(['x86_64', 'arm64']),
    image_id: z.string(),
    launched_at: z.string(),
    private_ip: z.string(),
    public_ip: z.string().optional(),
    spot: z.boolean(),
    hibernation_configured: z.boolean(),
    root_volume_gb: z.number(),
    root_volume_type: z.string(),
    key_name: z.string().optional(),
    client_token: z.string(),
    tags: z.record(z.string(), z.string()),
    transitions: z.array(transition),
    /** Provisioning stages the user data announces, in order, replayed on the console once running. */
    progress_stages: z.array(z.string()),
    /**
     * The secrets the instance makes at boot and stores in Parameter Store, by service: on AWS the
     * boot script writes them at its services stage, so the demo shows them only from then on.
     */
    service_secrets: z.record(z.string(), z.string()).optional(),
  }),
);

export const demoFileSystemSchema = lazySchema(() =>
  z.object({
    id: z.string(),
    name: z.string(),
    region: z.string(),
    created_at: z.string(),
    available_at: z.string(),
    size_bytes: z.number(),
    creation_token: z.string(),
    tags: z.record(z.string(), z.string()),
    mount_target_subnets: z.array(z.string()),
    /** EFS's lifecycle rule: unread files move to Infrequent Access after these days. */
    ia_after_days: z.number().optional(),
  }),
);

export const demoAccessPointSchema = lazySchema(() =>
  z.object({
    id: z.string(),
    region: z.string(),
    file_system_id: z.string(),
    uid: z.number(),
    gid: z.number(),
    root_directory: z.string(),
    tags: z.record(z.string(), z.string()),
  }),
);

const studioTransition = lazySchema(() =>
  z.object({
    at: z.string(),
    status: z.enum([
      'Pending',
      'InService',
      'Updating',
      'Deleting',
      'Deleted',
      'Failed',
      'Update_Failed',
      'Delete_Failed',
    ]),
  }),
);

export const demoStudioDomainSchema = lazySchema(() =>
  z.object({
    id: z.string(),
    name: z.string(),
    region: z.string(),
    created_at: z.string(),
    home_efs_file_system_id: z.string(),
    execution_role_arn: z.string(),
    failure_reason: z.string().optional(),
    tags: z.record(z.string(), z.string()),
    transitions: z.array(studioTransition),
  }),
);

export const demoStudioUserProfileSchema = lazySchema(() =>
  z.object({
    domain_id: z.string(),
    region: z.string(),
    name: z.string(),
    tags: z.record(z.string(), z.string()),
    transitions: z.array(studioTransition),
  }),
);

export const demoStudioSpaceSchema = lazySchema(() =>
  z.object({
    domain_id: z.string(),
    region: z.string(),
    name: z.string(),
    owner_profile: z.string(),
    app_type: z.enum(['JupyterLab', 'CodeEditor']),
    instance_type: z.string(),
    idle_timeout_minutes: z.number(),
    created_at: z.string(),
    tags: z.record(z.string(), z.string()),
    transitions: z.array(studioTransition),
  }),
);

export const demoStudioAppSchema = lazySchema(() =>
  z.object({
    domain_id: z.string(),
    region: z.string(),
    type: z.enum(['JupyterLab', 'CodeEditor', 'Canvas']),
    name: z.string(),
    owner: z.union([z.object({ profile: z.string() }), z.object({ space: z.string() })]),
    instance_type: z.string(),
    created_at: z.string(),
    failure_reason: z.string().optional(),
    tags: z.record(z.string(), z.string()),
    transitions: z.array(studioTransition),
  }),
);

/** SageMaker Studio and Canvas in the demo account (absent from state files written before it). */
export const demoStudioSchema = lazySchema(() =>
  z.object({
    domains: z.array(demoStudioDomainSchema),
    user_profiles: z.array(demoStudioUserProfileSchema),
    spaces: z.array(demoStudioSpaceSchema),
    apps: z.array(demoStudioAppSchema),
  }),
);

/** A VPC `network create` made in the demo account (the default VPCs are implied, not stored). */
export const demoNetworkSchema = lazySchema(() =>
  z.object({
    region: z.string(),
    vpc_id: z.string(),
    subnets: z.array(z.object({ id: z.string(), availability_zone: z.string(), cidr: z.string() })),
    internet_gateway_id: z.string(),
    route_table_id: z.string(),
  }),
);

export const demoStateSchema = lazySchema(() =>
  z.object({
    version: z.literal(1),
    account: z.string(),
    instances: z.array(demoInstanceSchema),
    file_systems: z.array(demoFileSystemSchema),
    access_points: z.array(demoAccessPointSchema),
    security_groups: z.record(z.string(), z.string()),
    key_pairs: z.record(z.string(), z.string()),
    networks: z.array(demoNetworkSchema).default(() => []),
    studio: demoStudioSchema.default(() => ({ domains: [], user_profiles: [], spaces: [], apps: [] })),
    operations: demoOperationsSchema.default(emptyDemoOperations),
    /** Counter for ids, so that ids are unique and stable across restarts. */
    next_serial: z.number().int().nonnegative(),
  }),
);

export type DemoState = z.infer<typeof demoStateSchema>;
export type DemoNetworkState = z.infer<typeof demoNetworkSchema>;
export type DemoInstance = z.infer<typeof demoInstanceSchema>;
export type DemoFileSystem = z.infer<typeof demoFileSystemSchema>;
export type DemoAccessPoint = z.infer<typeof demoAccessPointSchema>;
export type DemoStudioState = z.infer<typeof demoStudioSchema>;
export type DemoStudioDomain = z.infer<typeof demoStudioDomainSchema>;
export type DemoStudioUserProfile = z.infer<typeof demoStudioUserProfileSchema>;
export type DemoStudioSpace = z.infer<typeof demoStudioSpaceSchema>;
export type DemoStudioApp = z.infer<typeof demoStudioAppSchema>;

export const DEMO_ACCOUNT_ID = '123456789012';

export function emptyDemoState(): DemoState {
  return {
    version: 1,
    account: DEMO_ACCOUNT_ID,
    instances: [],
    file_systems: [],
    access_points: [],
    security_groups: {},
    key_pairs: {},
    networks: [],
    studio: { domains: [], user_profiles: [], spaces: [], apps: [] },
    operations: emptyDemoOperations(),
    next_serial: 1,
  };
}
