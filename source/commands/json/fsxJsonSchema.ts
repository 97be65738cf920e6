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

/** A data repository task as `cws-tui storage task|tasks <fs-id> --json` prints it. */
export const fsxTaskJsonSchema = z
  .strictObject({
    id: z.string(),
    file_system_id: z.string(),
    kind: z.enum(['import', 'export', 'release']),
    state: z.enum(['pending', 'executing', 'failed', 'succeeded', 'canceled', 'canceling']),
    total: z.number(),
    succeeded: z.number(),
    failed: z.number(),
    created_at: z.string(),
    ended_at: z.string().optional(),
    failure: z.string().optional(),
  })
  .meta({ id: 'FsxTask' });
export const fsxTaskListJsonSchema = z.array(fsxTaskJsonSchema).meta({ id: 'FsxTaskList' });

/** An OpenZFS snapshot as `cws-tui storage snapshot create|list --json` prints it. */
export const fsxSnapshotJsonSchema = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    volume_id: z.string(),
    state: z.enum(['pending', 'creating', 'deleting', 'available']),
    created_at: z.string(),
  })
  .meta({ id: 'FsxSnapshot' });
export const fsxSnapshotListJsonSchema = z.array(fsxSnapshotJsonSchema).meta({ id: 'FsxSnapshotList' });

/** `cws-tui storage snapshot restore <fs-id> <snapshot-id> --yes --json`. */
export const fsxRestoredJsonSchema = z
  .strictObject({ restored: z.string(), file_system_id: z.string(), deleted_snapshots: z.array(z.string()) })
  .meta({ id: 'FsxRestored' });

/** `cws-tui storage snapshot clone <fs-id> <snapshot-id> <name> --json`: the new volume. */
export const fsxVolumeJsonSchema = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    file_system_id: z.string(),
    junction_path: z.string(),
    origin_snapshot_id: z.string().optional(),
    state: z.string(),
  })
  .meta({ id: 'FsxVolume' });
