import { readFile, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
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
    return this.cached;
  }

  /** Applies `change` to the freshest state under the lock and persists the result. */
  async update<T>(change: (state: DemoState) => T): Promise<T> {
    return withFileLock(`${this.path}.lock`, async () => {
      this.cachedMtimeMs = -1;
      const state = await this.read();
      const result = change(state);
      await writeFileAtomic(this.path, JSON.stringify(state));
      this.cachedMtimeMs = (await stat(this.path)).mtimeMs;
      return result;
    });
  }

  private async load(): Promise<DemoState> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyDemoState();
      throw error;
    }
    let problem: string;
    try {
      const parsed = demoStateSchema.safeParse(JSON.parse(text));
      if (parsed.success) return parsed.data;
      const issue = parsed.error.issues[0];
      problem = `${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`;
    } catch (error) {
      problem = error instanceof Error ? error.message : String(error);
    }
    // Keep the unreadable file for inspection and start over rather than crash.
    const backup = `${this.path}.bak-${Date.now()}`;
    await rename(this.path, backup);
    this.recoveredFrom = `the demo account state was unreadable (${problem}); it was moved to ${backup} and the demo starts fresh`;
    return emptyDemoState();
  }
}
