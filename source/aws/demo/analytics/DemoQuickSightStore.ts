import { join } from 'node:path';
import { z } from 'zod';
import { readJsonFileOrSetAside } from '../../../core/fs/readJsonFileOrSetAside.js';
import { uniqueBackupPath } from '../../../core/fs/uniqueBackupPath.js';
import { withFileLock } from '../../../core/fs/withFileLock.js';
import { writeFileAtomic } from '../../../core/fs/writeFileAtomic.js';

const stateSchema = z.object({
  users: z.array(
    z.object({
      name: z.string(),
      role: z.enum(['ADMIN', 'AUTHOR', 'READER', 'ADMIN_PRO', 'AUTHOR_PRO', 'READER_PRO']),
      email: z.string(),
    }),
  ),
  assets: z.array(
    z.object({
      kind: z.enum(['datasource', 'dataset', 'dashboard']),
      id: z.string(),
      name: z.string(),
      region: z.string(),
      created_at: z.string(),
    }),
  ),
});

export type DemoQuickSightState = z.infer<typeof stateSchema>;

/** The demo QuickSight's registered users and created assets, in the demo state dir (locked, atomic). */
export class DemoQuickSightStore {
  readonly path: string;

  constructor(stateDir: string) {
    this.path = join(stateDir, 'demo-quicksight.json');
  }

  async read(): Promise<DemoQuickSightState> {
    const read = await readJsonFileOrSetAside(this.path, stateSchema, uniqueBackupPath(this.path));
    return read.status === 'read' ? read.data : { users: [], assets: [] };
  }

  async update<T>(change: (state: DemoQuickSightState) => T): Promise<T> {
    return withFileLock(`${this.path}.lock`, async () => {
      const state = await this.read();
      const result = change(state);
      await writeFileAtomic(this.path, JSON.stringify(state));
      return result;
    });
  }
}
