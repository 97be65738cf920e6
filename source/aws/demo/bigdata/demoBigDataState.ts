import { z } from 'zod';
import { lazySchema } from '../../../core/schema/lazySchema.js';

const transition = lazySchema(() => z.object({ at: z.string(), state: z.string() }));

const workerGroup = lazySchema(() =>
  z.object({
    workers: z.number(),
    vcpu: z.number(),
    memory_gb: z.number(),
    disk_gb: z.number(),
  }),
);

export const demoApplicationSchema = lazySchema(() =>
  z.object({
    id: z.string(),
    name: z.string(),
    region: z.string(),
    release_label: z.string(),
    architecture: z.enum(['X86_64', 'ARM64']),
    initial_capacity: z
      .object({ driver: workerGroup.optional(), executor: workerGroup.optional() })
      .optional(),
    maximum_capacity: z.object({ vcpu: z.number(), memory_gb: z.number(), disk_gb: z.number() }),
    auto_start: z.boolean(),
    auto_stop_idle_minutes: z.number().optional(),
    network: z
      .object({ subnet_ids: z.array(z.string()), security_group_ids: z.array(z.string()) })
      .optional(),
    tags: z.record(z.string(), z.string()),
    client_token: z.string(),
    created_at: z.string(),
    transitions: z.array(transition),
  }),
);

export const demoRunSchema = lazySchema(() =>
  z.object({
    id: z.string(),
    application_id: z.string(),
    region: z.string(),
    name: z.string(),
    created_at: z.string(),
    entry_point: z.string(),
    arguments: z.array(z.string()),
    spark_submit_parameters: z.string(),
    log_uri: z.string(),
    client_token: z.string(),
    outcome: z.enum(['SUCCESS', 'FAILED']),
    /** The driver's output when it ends, written to the log location then. */
    stdout: z.string(),
    stderr: z.string(),
    /** How long the run takes at realistic pace: what it is billed for, whatever the demo speed. */
    nominal_seconds: z.number(),
    workers: z.object({ count: z.number(), vcpu: z.number(), memory_gb: z.number() }),
    transitions: z.array(transition),
  }),
);

export const demoStudioSchema = lazySchema(() =>
  z.object({
    id: z.string(),
    name: z.string(),
    region: z.string(),
    vpc_id: z.string(),
    subnet_ids: z.array(z.string()),
    service_role_arn: z.string(),
    workspace_location: z.string(),
    tags: z.record(z.string(), z.string()),
    created_at: z.string(),
  }),
);

const demoFleetSchema = lazySchema(() =>
  z.object({
    id: z.string(),
    role: z.enum(['primary', 'core']),
    instance_types: z.array(z.string()),
    on_demand: z.number(),
    spot: z.number(),
    /** What was provisioned before the last resize, until it takes effect. */
    previous: z.object({ on_demand: z.number(), spot: z.number(), until: z.string() }).optional(),
  }),
);

export const demoClusterSchema = lazySchema(() =>
  z.object({
    id: z.string(),
    name: z.string(),
    region: z.string(),
    release_label: z.string(),
    applications: z.array(z.string()),
    fleets: z.array(demoFleetSchema),
    managed_scaling: z.object({ min: z.number(), max: z.number() }).optional(),
    auto_termination_idle_minutes: z.number().optional(),
    ebs_gb: z.number(),
    log_uri: z.string(),
    tags: z.record(z.string(), z.string()),
    created_at: z.string(),
    /** When it is ready (WAITING), at demo pace. */
    ready_at: z.string(),
    terminate_requested_at: z.string().optional(),
  }),
);

export const demoStepSchema = lazySchema(() =>
  z.object({
    id: z.string(),
    cluster_id: z.string(),
    name: z.string(),
    args: z.array(z.string()),
    created_at: z.string(),
    started_at: z.string(),
    ended_at: z.string(),
    outcome: z.enum(['COMPLETED', 'FAILED', 'CANCELLED']),
    failure: z.string().optional(),
  }),
);

export const demoBigDataStateSchema = lazySchema(() =>
  z.object({
    serial: z.number(),
    applications: z.array(demoApplicationSchema),
    runs: z.array(demoRunSchema),
    /** S3 objects of the demo staging bucket: `bucket/key` -> base64. */
    objects: z.record(z.string(), z.string()),
    buckets: z.array(z.string()),
    /** The job role's inline policies by name. */
    role_policies: z.array(z.string()),
    /** EMR Studios (absent from state files written before Studio existed). */
    studios: z.array(demoStudioSchema).default([]),
    /** EMR on EC2 clusters and their steps (absent from older state files). */
    clusters: z.array(demoClusterSchema).default([]),
    steps: z.array(demoStepSchema).default([]),
  }),
);

export type DemoApplication = z.infer<typeof demoApplicationSchema>;
export type DemoRun = z.infer<typeof demoRunSchema>;
export type DemoStudio = z.infer<typeof demoStudioSchema>;
export type DemoCluster = z.infer<typeof demoClusterSchema>;
export type DemoStep = z.infer<typeof demoStepSchema>;
export type DemoBigDataState = z.infer<typeof demoBigDataStateSchema>;

export function emptyDemoBigDataState(): DemoBigDataState {
  return {
    serial: 0,
    applications: [],
    runs: [],
    objects: {},
    buckets: [],
    role_policies: [],
    studios: [],
    clusters: [],
    steps: [],
  };
}

/** The state at `now` of something whose transitions are scheduled (oldest first). */
export function stateAt(
  transitions: readonly { at: string; state: string }[],
  now: number,
): string | undefined {
  let state: string | undefined;
  for (const transition of transitions) {
    if (Date.parse(transition.at) > now) break;
    state = transition.state;
  }
  return state;
}

/** When it last changed at or before `now`. */
export function changedAt(
  transitions: readonly { at: string; state: string }[],
  now: number,
): string | undefined {
  let at: string | undefined;
  for (const transition of transitions) {
    if (Date.parse(transition.at) > now) break;
    at = transition.at;
  }
  return at;
}
