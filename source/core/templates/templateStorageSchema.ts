import { z } from 'zod';
import { LUSTRE_DEPLOYMENTS, OPENZFS_COMPRESSIONS } from '../fsx/FsxFileSystem.js';
import { STORAGE_PATTERNS } from '../fsx/recommendStorage.js';
import { lazySchema } from '../schema/lazySchema.js';

/**
 * The shared file system a template's work needs: what `storage create` makes for it and what the
 * advisor weighs (its pattern). Launch mounts one with `--fsx <id>`; the template only declares it.
 */
export const templateStorageSchema = lazySchema(() =>
  z.strictObject({
    type: z.enum(['lustre', 'openzfs']),
    deployment: z.enum(LUSTRE_DEPLOYMENTS).optional(),
    capacity_gib: z.number().int().positive().optional(),
    /** Lustre: MB/s per TiB; OpenZFS: MB/s. */
    throughput: z.number().positive().optional(),
    /** Lustre only: the S3 data the file system is linked to. */
    s3: z
      .string()
      .regex(/^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/[^\0]*)?$/, 's3 is s3://bucket/prefix')
      .optional(),
    import: z.boolean().optional(),
    export: z.boolean().optional(),
    compression: z.enum(OPENZFS_COMPRESSIONS).optional(),
    /** The advisor's access pattern for this work. */
    pattern: z.enum(STORAGE_PATTERNS).optional(),
    /** How long a scratch file system is meant to live: older ones show up in `storage findings`. */
    lifetime_days: z.number().int().positive().optional(),
    mount_point: z
      .string()
      .regex(/^\/[A-Za-z0-9._/-]+$/, 'mount_point is an absolute path')
      .optional(),
  }),
);
export type TemplateStorage = z.infer<typeof templateStorageSchema>;
