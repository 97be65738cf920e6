import { join } from 'node:path';
import { z } from 'zod';
import { readJsonFileOrSetAside } from '../../core/fs/readJsonFileOrSetAside.js';
import { uniqueBackupPath } from '../../core/fs/uniqueBackupPath.js';
import { withFileLock } from '../../core/fs/withFileLock.js';
import { writeFileAtomic } from '../../core/fs/writeFileAtomic.js';
import { parallelClusterConfigSchema } from '../../core/hpc/parallelClusterConfigSchema.js';
import { lazySchema } from '../../core/schema/lazySchema.js';

const demoJobSchema = lazySchema(() =>
  z.object({
    id: z.number().int(),
    array_task: z.number().int().optional(),
    user: z.string(),
    partition: z.string(),
    nodes: z.number().int().positive(),
    name: z.string(),
    submitted_at: z.number(),
    /** Seconds of work at realistic pace. */
    work_seconds: z.number(),
    fails: z.boolean(),
    cancelled_at: z.number().optional(),
    /** At most this many tasks of the array run at once (`--array=1-10%4`). */
    array_limit: z.number().int().positive().optional(),
  }),
);

const demoClusterSchema = lazySchema(() =>
  z.object({
    name: z.string(),
    region: z.string(),
    created_at: z.number(),
    /** When the last create or update finished (or will), in ms. */
    ready_at: z.number(),
    failed: z.boolean(),
    deleting_at: z.number().optional(),
    updating: z.boolean().optional(),
    config: parallelClusterConfigSchema,
    tags: z.record(z.string(), z.string()),
    /** Every stop and start of the compute fleet, oldest first (the first is RUNNING at ready_at). */
    fleet_events: z.array(z.object({ at: z.number(), status: z.enum(['RUNNING', 'STOPPED']) })),
    head_node_id: z.string(),
    users: z.array(z.string()),
    jobs: z.array(demoJobSchema),
  }),
);

export const demoHpcStateSchema = lazySchema(() =>
  z.object({
    provider_installed_regions: z.array(z.string()),
    next_job_id: z.number().int(),
    clusters: z.array(demoClusterSchema),
  }),
);

export type DemoHpcState = z.infer<typeof demoHpcStateSchema>;
export type DemoCluster = z.infer<typeof demoClusterSchema>;
export type DemoJob = z.infer<typeof demoJobSchema>;

/** The demo account's clusters, in their own file next to the demo account's state. */
export class DemoHpcStore {
  readonly path: string;

  constructor(stateDir: string) {
    this.path = join(stateDir, 'demo-hpc.json');
  }

  async read(): Promise<DemoHpcState> {
    const read = await readJsonFileOrSetAside(this.path, demoHpcStateSchema, uniqueBackupPath(this.path));
    return read.status === 'read'
      ? read.data
      : { provider_installed_regions: [], next_job_id: 1, clusters: [] };
  }

  async update<T>(change: (state: DemoHpcState) => T): Promise<T> {
    return withFileLock(`${this.path}.lock`, async () => {
      const state = await this.read();
      const result = change(state);
      await writeFileAtomic(this.path, JSON.stringify(state));
      return result;
    });
  }
}
