import { z } from 'zod';

/** An FSx file system as the `fsx` part of `cws-tui storage list --json` shows it. */
export const fsxFileSystemJsonSchema = z
  .looseObject({
    id: z.string(),
    name: z.string(),
    region: z.string(),
    type: z.enum(['lustre', 'openzfs']),
    deployment: z.string(),
    state: z.string(),
    capacity_gib: z.number(),
    throughput: z.number(),
    dns_name: z.string(),
    backup_retention_days: z.number(),
    created_at: z.string(),
    tags: z.record(z.string(), z.string()),
    monthly_usd: z.number(),
  })
  .meta({ id: 'FsxFileSystem' });

export const fsxListingJsonSchema = z
  .array(fsxFileSystemJsonSchema.extend({ mounted_by: z.array(z.string()) }))
  .meta({ id: 'FsxListing' });

/** `cws-tui storage delete <fs-id> --yes --json` for an FSx file system. */
export const fsxDeletedJsonSchema = z
  .strictObject({ deleted: z.string(), region: z.string(), mounted_by: z.array(z.string()) })
  .meta({ id: 'FsxDeleted' });
