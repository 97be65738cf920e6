import { join } from 'node:path';
import { z } from 'zod';
import { readJsonFileOrSetAside } from '../fs/readJsonFileOrSetAside.js';
import { withFileLock } from '../fs/withFileLock.js';
import { writeFileAtomic } from '../fs/writeFileAtomic.js';
import { type StorageBenchResult, storageBenchResultSchema } from './StorageBenchResult.js';

const fileSchema = z.object({ version: z.literal(1), results: z.array(storageBenchResultSchema) });
/** Older runs are dropped beyond this many, so the file stays small. */
const KEEP = 200;

/**
 * `storage bench` results in one JSON file in the state dir: validated on read (a broken file is
 * set aside, never overwritten unseen), appended under a lock and written atomically.
 */
export class FileStorageBenchStore {
  private readonly path: string;
  recoveredFrom: string | undefined;

  constructor(stateDir: string) {
    this.path = join(stateDir, 'storage-bench.json');
  }

  async list(): Promise<StorageBenchResult[]> {
    const read = await readJsonFileOrSetAside(this.path, fileSchema, `${this.path}.bak-${Date.now()}`);
    if (read.status === 'read') return read.data.results;
    if (read.status === 'set-aside')
      this.recoveredFrom = `the benchmark file was unreadable (${read.reason}); it was moved to ${read.backup}`;
    return [];
  }

  add(result: StorageBenchResult): Promise<void> {
    return withFileLock(`${this.path}.lock`, async () => {
      const results = [...(await this.list()), result].slice(-KEEP);
      await writeFileAtomic(this.path, `${JSON.stringify({ version: 1, results }, null, 2)}\n`, 0o600);
    });
  }
}
