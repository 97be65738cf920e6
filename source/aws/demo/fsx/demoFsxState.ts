import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { readJsonFileOrSetAside } from '../../../core/fs/readJsonFileOrSetAside.js';
import { uniqueBackupPath } from '../../../core/fs/uniqueBackupPath.js';
import { withFileLock } from '../../../core/fs/withFileLock.js';
import { writeFileAtomic } from '../../../core/fs/writeFileAtomic.js';
import { lazySchema } from '../../../core/schema/lazySchema.js';

const tags = lazySchema(() => z.record(z.string(), z.string()));

/**
 * FSx in the demo account, in its own file next to the demo account's (so older state files need
 * no migration). States are timed (created, available, deleting, gone), so the current state is a
 * pure function of the clock, as the demo's instances are.
 */
export const demoFsxStateSchema = lazySchema(() =>
  z.object({
    serial: z.number(),
    file_systems: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        region: z.string(),
        type: z.enum(['lustre', 'openzfs']),
        deployment: z.enum(['scratch2', 'persistent2', 'single-az-1']),
        capacity_gib: z.number(),
        throughput: z.number(),
        token: z.string(),
        subnet_id: z.string(),
        security_group_id: z.string(),
        created_at: z.string(),
        available_at: z.string(),
        deleting_at: z.string().optional(),
        gone_at: z.string().optional(),
        mount_name: z.string().optional(),
        root_volume_id: z.string().optional(),
        compression: z.enum(['zstd', 'lz4', 'none']).optional(),
        quotas: z
          .array(z.object({ uid: z.number(), gib: z.number(), user: z.string().optional() }))
          .optional(),
        backup_retention_days: z.number(),
        data_repository: z
          .object({
            association_id: z.string(),
            s3_path: z.string(),
            file_system_path: z.string(),
            auto_import: z.boolean(),
            auto_export: z.boolean(),
            available_at: z.string(),
          })
          .optional(),
        tags,
      }),
    ),
    tasks: z.array(
      z.object({
        id: z.string(),
        region: z.string(),
        file_system_id: z.string(),
        kind: z.enum(['import', 'export', 'release']),
        total: z.number(),
        created_at: z.string(),
        ends_at: z.string(),
      }),
    ),
    snapshots: z.array(
      z.object({
        id: z.string(),
        region: z.string(),
        file_system_id: z.string(),
        volume_id: z.string(),
        name: z.string(),
        created_at: z.string(),
        available_at: z.string(),
      }),
    ),
    volumes: z.array(
      z.object({
        id: z.string(),
        region: z.string(),
        file_system_id: z.string(),
        name: z.string(),
        origin_snapshot_id: z.string(),
      }),
    ),
    restores: z.array(z.object({ file_system_id: z.string(), snapshot_id: z.string(), at: z.string() })),
  }),
);
export type DemoFsxState = z.infer<typeof demoFsxStateSchema>;
export type DemoFsxFileSystem = DemoFsxState['file_systems'][number];

function emptyState(): DemoFsxState {
  return { serial: 1, file_systems: [], tasks: [], snapshots: [], volumes: [], restores: [] };
}

/** The demo FSx file: read validated (a broken one is set aside), written atomically under a lock. */
export class DemoFsxStore {
  readonly path: string;

  constructor(stateDir: string) {
    this.path = join(stateDir, 'demo-fsx.json');
  }

  async read(): Promise<DemoFsxState> {
    const read = await readJsonFileOrSetAside(this.path, demoFsxStateSchema, uniqueBackupPath(this.path));
    return read.status === 'read' ? read.data : emptyState();
  }

  async update<T>(change: (state: DemoFsxState) => T): Promise<T> {
    await mkdir(dirname(this.path), { recursive: true });
    return withFileLock(`${this.path}.lock`, async () => {
      const state = await this.read();
      const result = change(state);
      await writeFileAtomic(this.path, JSON.stringify(state));
      return result;
    });
  }
}
