import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { uniqueBackupPath } from '../../core/fs/uniqueBackupPath.js';
import { withFileLock } from '../../core/fs/withFileLock.js';
import { writeFileAtomic } from '../../core/fs/writeFileAtomic.js';
import { type DemoState, emptyDemoState } from './demoState.js';
import { demoStateText } from './demoStateText.js';
import { readDemoStateFile } from './readDemoStateFile.js';

/**
 * The demo account's state file. Reads are cached until the file changes on disk (another cws-tui
 * process may have launched something); writes hold a lock so that two processes never lose each
 * other's changes, and are atomic so that a crash never leaves half a file.
 */
export class DemoStore {
  readonly path: string;
  private cached: DemoState | undefined;
  /**
   * What the cached state was read from: the file's inode and mtime. Every write renames a new file
   * into place (a new inode), so a change is seen even within the clock tick mtime is kept in.
   */
  private cachedVersion = '';
  /** Counts this process's writes: a read that loaded the file before one must not be cached. */
  private writes = 0;
  /** Counts every new or changed state, so a cache built from the state knows when it is stale. */
  generation = 0;
  /** Set when the state file was unreadable and moved aside; the UI reports it once. */
  recoveredFrom: string | undefined;

  constructor(stateDir: string) {
    this.path = join(stateDir, 'demo-account.json');
  }

  async read(): Promise<DemoState> {
    const version = await stat(this.path).then(
      (info) => `${info.ino}:${info.mtimeMs}`,
      () => '',
    );
    if (this.cached && version !== '' && version === this.cachedVersion) return this.cached;
    const writesBefore = this.writes;
    const loaded = await this.load();
    // A write of this process landed while the file was read: what it wrote is fresher.
    if (this.writes !== writesBefore && this.cached) return this.cached;
    this.cached = loaded;
    this.cachedVersion = version;
    this.generation++;
    return this.cached;
  }

  /** Applies `change` to the freshest state under the lock and persists the result. */
  async update<T>(change: (state: DemoState) => T): Promise<T> {
    return withFileLock(`${this.path}.lock`, async () => {
      this.cachedVersion = '';
      const state = await this.read();
      const result = change(state);
      this.generation++;
      await writeFileAtomic(this.path, demoStateText(state));
      const info = await stat(this.path);
      this.writes++;
      this.cached = state;
      this.cachedVersion = `${info.ino}:${info.mtimeMs}`;
      return result;
    });
  }

  private async load(): Promise<DemoState> {
    // Keep an unreadable file for inspection and start over rather than crash.
    const read = await readDemoStateFile(this.path, uniqueBackupPath(this.path));
    if (read.status === 'read') return read.data;
    if (read.status === 'set-aside') {
      this.recoveredFrom = `the demo account state was unreadable (${read.reason}); it was moved to ${read.backup} and the demo starts fresh`;
    }
    return emptyDemoState();
  }
}
