import { join } from 'node:path';
import type { z } from 'zod';
import { readJsonFileOrSetAside } from '../../core/fs/readJsonFileOrSetAside.js';
import { uniqueBackupPath } from '../../core/fs/uniqueBackupPath.js';
import { withFileLock } from '../../core/fs/withFileLock.js';
import { writeFileAtomic } from '../../core/fs/writeFileAtomic.js';

/**
 * One demo service's state, in its own JSON file in the demo state dir: validated on read (an
 * unreadable file is set aside and the service starts fresh), changed under a lock and written
 * atomically, so two cws-tui processes never lose each other's changes.
 */
export class DemoStateFile<Schema extends z.ZodType> {
  readonly path: string;

  constructor(
    stateDir: string,
    fileName: string,
    private readonly schema: Schema,
    private readonly empty: () => z.output<Schema>,
  ) {
    this.path = join(stateDir, fileName);
  }

  async read(): Promise<z.output<Schema>> {
    const read = await readJsonFileOrSetAside(this.path, this.schema, uniqueBackupPath(this.path));
    return read.status === 'read' ? read.data : this.empty();
  }

  update<T>(change: (state: z.output<Schema>) => T): Promise<T> {
    return withFileLock(`${this.path}.lock`, async () => {
      const state = await this.read();
      const result = change(state);
      await writeFileAtomic(this.path, JSON.stringify(state));
      return result;
    });
  }
}
