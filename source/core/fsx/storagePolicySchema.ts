import { z } from 'zod';
import { lazySchema } from '../schema/lazySchema.js';

/** A policy's `storage` section: which file systems may be made, how big, how fast, how dear. */
export const storagePolicySchema = lazySchema(() =>
  z.strictObject({
    /** Storage types `storage create` may make: lustre, openzfs, efs. */
    types: z.array(z.enum(['lustre', 'openzfs', 'efs'])).optional(),
    max_capacity_gib: z.number().positive().optional(),
    /** The whole file system's MB/s (Lustre: per-TiB throughput times TiB). */
    max_throughput_mbps: z.number().positive().optional(),
    /** One file system's list price a month, in USD. */
    max_monthly_usd: z.number().nonnegative().optional(),
  }),
);
export type StoragePolicy = z.infer<typeof storagePolicySchema>;

/** What `storage create` asks for, as the policy sees it. */
export interface StoragePolicyRequest {
  kind: 'storage';
  region: string;
  type: 'lustre' | 'openzfs' | 'efs';
  capacity_gib?: number;
  throughput_mbps?: number;
  /** Undefined when it could not be priced: a spending cap then denies. */
  monthly_usd?: number;
}

export function isStoragePolicyRequest(request: object): request is StoragePolicyRequest {
  return (request as { kind?: unknown }).kind === 'storage';
}
