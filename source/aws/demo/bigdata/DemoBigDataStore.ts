import { join } from 'node:path';
import { readJsonFileOrSetAside } from '../../../core/fs/readJsonFileOrSetAside.js';
import { uniqueBackupPath } from '../../../core/fs/uniqueBackupPath.js';
import { withFileLock } from '../../../core/fs/withFileLock.js';
import { writeFileAtomic } from '../../../core/fs/writeFileAtomic.js';
import { type DemoBigDataState, demoBigDataStateSchema, emptyDemoBigDataState } from './demoBigDataState.js';

/**
 * The demo account's EMR state, in its own file next to the demo account's: written atomically
 * under a lock, so two cws-tui processes never lose each other's changes; an unreadable file is
 * set aside and the demo's EMR starts fresh.
 */
export class DemoBigDataStore {
  readonly path: string;

  constructor(stateDir: string) {
    this.path = join(stateDir, 'demo-bigdata.json');
  }

  async read(): Promise<DemoBigDataState> {
    const read = await readJsonFileOrSetAside(this.path, demoBigDataStateSchema, uniqueBackupPath(this.path));
    return read.status === 'read' ? read.data : emptyDemoBigDataState();
  }

  update<T>(change: (state: DemoBigDataState) => T): Promise<T> {
    return withFileLock(`${this.path}.lock`, async () => {
      const state = await this.read();
      const result = change(state);
      await writeFileAtomic(this.path, JSON.stringify(state));
      return result;
    });
  }
}
