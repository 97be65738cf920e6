import { join } from 'node:path';
import { z } from 'zod';
import { readJsonFileOrSetAside } from '../../../core/fs/readJsonFileOrSetAside.js';
import { uniqueBackupPath } from '../../../core/fs/uniqueBackupPath.js';
import { withFileLock } from '../../../core/fs/withFileLock.js';
import { writeFileAtomic } from '../../../core/fs/writeFileAtomic.js';

const workgroupSchema = z.object({
  name: z.string(),
  region: z.string(),
  output_location: z.string(),
  encryption: z.string(),
  bytes_scanned_cutoff: z.number().optional(),
  tags: z.record(z.string(), z.string()),
});

const querySchema = z.object({
  id: z.string(),
  region: z.string(),
  client_token: z.string(),
  sql: z.string(),
  workgroup: z.string(),
  database: z.string().optional(),
  submitted_at: z.number(),
  cancelled_at: z.number().optional(),
});

const analyticsStateSchema = z.object({
  workgroups: z.array(workgroupSchema),
  queries: z.array(querySchema),
});

export type DemoWorkgroupRecord = z.infer<typeof workgroupSchema>;
export type DemoQueryRecord = z.infer<typeof querySchema>;
export type DemoAnalyticsState = z.infer<typeof analyticsStateSchema>;

/**
 * The demo account's analytics state (workgroups, query history), in its own file beside the
 * demo account's: locked writes, atomic renames, an unreadable file set aside.
 */
export class DemoAnalyticsStore {
  readonly path: string;

  constructor(stateDir: string) {
    this.path = join(stateDir, 'demo-analytics.json');
  }

  async read(): Promise<DemoAnalyticsState> {
    const read = await readJsonFileOrSetAside(this.path, analyticsStateSchema, uniqueBackupPath(this.path));
    return read.status === 'read' ? read.data : { workgroups: [], queries: [] };
  }

  async update<T>(change: (state: DemoAnalyticsState) => T): Promise<T> {
    return withFileLock(`${this.path}.lock`, async () => {
      const state = await this.read();
      const result = change(state);
      await writeFileAtomic(this.path, JSON.stringify(state));
      return result;
    });
  }
}
