import { z } from 'zod';
import { lazySchema } from '../../core/schema/lazySchema.js';

/**
 * The demo account's EBS data volumes, snapshots, images and schedules (absent from state files
 * written before them). Times are stored so that states are a pure function of the clock.
 */
export const demoVolumeSchema = lazySchema(() =>
  z.object({
    id: z.string(),
    region: z.string(),
    availability_zone: z.string(),
    size_gb: z.number(),
    type: z.string(),
    iops: z.number().optional(),
    throughput_mbps: z.number().optional(),
    snapshot_id: z.string().optional(),
    client_token: z.string(),
    created_at: z.string(),
    tags: z.record(z.string(), z.string()),
    attachment: z.object({ instance_id: z.string(), device: z.string() }).optional(),
    deleted_at: z.string().optional(),
  }),
);

export const demoSnapshotSchema = lazySchema(() =>
  z.object({
    id: z.string(),
    region: z.string(),
    volume_id: z.string(),
    size_gb: z.number(),
    started_at: z.string(),
    completed_at: z.string(),
    description: z.string(),
    tags: z.record(z.string(), z.string()),
  }),
);

export const demoImageSchema = lazySchema(() =>
  z.object({
    id: z.string(),
    region: z.string(),
    name: z.string(),
    instance_id: z.string(),
    architecture: z.enum(['x86_64', 'arm64']),
    created_at: z.string(),
    available_at: z.string(),
    tags: z.record(z.string(), z.string()),
  }),
);

export const demoScheduleSchema = lazySchema(() =>
  z.object({
    name: z.string(),
    region: z.string(),
    instance_id: z.string(),
    action: z.enum(['start', 'stop']),
    expression: z.string(),
    time_zone: z.string(),
    enabled: z.boolean(),
  }),
);

export const demoOperationsSchema = lazySchema(() =>
  z.object({
    volumes: z.array(demoVolumeSchema).default(() => []),
    snapshots: z.array(demoSnapshotSchema).default(() => []),
    images: z.array(demoImageSchema).default(() => []),
    schedules: z.array(demoScheduleSchema).default(() => []),
  }),
);

export type DemoOperationsState = z.infer<typeof demoOperationsSchema>;
export type DemoVolume = z.infer<typeof demoVolumeSchema>;

export function emptyDemoOperations(): DemoOperationsState {
  return { volumes: [], snapshots: [], images: [], schedules: [] };
}
