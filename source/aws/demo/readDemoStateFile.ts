import { readJsonArrayInLines } from '../../core/fs/jsonArrayInLines.js';
import type { JsonFileRead } from '../../core/fs/readJsonFileOrSetAside.js';
import { readJsonFileOrSetAside } from '../../core/fs/readJsonFileOrSetAside.js';
import { DemoInstanceSharing } from './DemoInstanceSharing.js';
import { type DemoInstance, type DemoState, demoInstanceSchema, demoStateSchema } from './demoState.js';

/**
 * Reads the demo account's state file, validated. One in the layout `demoStateText` writes is read
 * line by line, each instance parsed and checked on its own and kept as parsed (its checked copy is
 * dropped at once): 10,000 workstations then never stand in memory as text, parsed tree and
 * validated copy at the same time, the load's peak. Any other file (an older layout, a hand-edited
 * or a broken one) is read whole as before, so a broken file is set aside with the same reason.
 */
export async function readDemoStateFile(path: string, backup: string): Promise<JsonFileRead<DemoState>> {
  const inLines = await readInLines(path).catch(() => undefined);
  if (inLines === 'missing') return { status: 'missing' };
  if (inLines) return { status: 'read', data: inLines };
  const read = await readJsonFileOrSetAside(path, demoStateSchema, backup);
  if (read.status === 'read') {
    const sharing = new DemoInstanceSharing();
    read.data.instances = read.data.instances.map((instance) => sharing.share(instance));
  }
  return read;
}

/** The state from a file in the line layout; undefined for any file that is not, or not valid. */
async function readInLines(path: string): Promise<DemoState | 'missing' | undefined> {
  const sharing = new DemoInstanceSharing();
  const read = await readJsonArrayInLines(path, 'instances', (record) =>
    // Checked, so it has the type; kept as parsed, not as zod's copy (a key zod does not know stays,
    // as written).
    demoInstanceSchema.safeParse(record).success ? sharing.share(record as DemoInstance) : undefined,
  );
  if (read === 'missing' || read === undefined) return read;
  const state = demoStateSchema.safeParse(read.head);
  if (!state.success) return undefined;
  state.data.instances = read.records;
  return state.data;
}
