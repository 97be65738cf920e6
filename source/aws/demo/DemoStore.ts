import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readJsonFileOrSetAside } from '../../core/fs/readJsonFileOrSetAside.js';
import { uniqueBackupPath } from '../../core/fs/uniqueBackupPath.js';
import { withFileLock } from '../../core/fs/withFileLock.js';
import { writeFileAtomic } from '../../core/fs/writeFileAtomic.js';
import { type DemoState, demoStateSchema, emptyDemoState } from './demoState.js';

/**
 * The demo account's state file. Reads are cached until the file changes on disk (another cws-tui
 * process may have launched something); writes hold a lock so that two processes never lose each
 * other's changes, and are atomic so that a crash never leaves half a file.
 */
export class DemoStore {
  readonly path: string;
  private cached: DemoState | undefined;
  private cachedMtimeMs = -1;
  /** Counts every new or changed state, so a cache built from the state knows when it is stale. */
  generation = 0;
  /** Set when the state file was unreadable and moved aside; the UI reports it once. */
  recoveredFrom: string | undefined;

  constructor(stateDir: string) {
    this.path = join(stateDir, 'demo-account.json');
  }

  async read(): Promise<DemoState> {
    const mtimeMs = await stat(this.path).then(
      (info) => info.mtimeMs,
      () => -1,
    );
    if (this.cached && mtimeMs === this.cachedMtimeMs) return this.cached;
    this.cached = await this.load();
    this.cachedMtimeMs = mtimeMs;
    this.generation++;
    return this.cached;
  }

  /** Applies `change` to the freshest state under the lock and persists the result. */
  async update<T>(change: (state: DemoState) => T): Promise<T> {
    return withFileLock(`${this.path}.lock`, async () => {
      this.cachedMtimeMs = -1;
      const state = await this.read();
      const result = change(state);
      this.generation++;
      await writeFileAtomic(this.path, JSON.stringify(state));
      this.cachedMtimeMs = (await stat(this.path)).mtimeMs;
      return result;
    });
  }

  private async load(): Promise<DemoState> {
    // Keep an unreadable file for inspection and start over rather than crash.
    const read = await readJsonFileOrSetAside(this.path, demoStateSchema, uniqueBackupPath(this.path));
    if (read.status === 'read') return read.data;
    if (read.status === 'set-aside') {
      this.recoveredFrom = `the demo account state was unreadable (${read.reason}); it was moved to ${read.backup} and the demo starts fresh`;
    }
    return emptyDemoState();
  }
}
