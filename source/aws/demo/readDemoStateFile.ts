import { open } from 'node:fs/promises';
import type { JsonFileRead } from '../../core/fs/readJsonFileOrSetAside.js';
import { readJsonFileOrSetAside } from '../../core/fs/readJsonFileOrSetAside.js';
import { DemoInstanceSharing } from './DemoInstanceSharing.js';
import { type DemoInstance, type DemoState, demoInstanceSchema, demoStateSchema } from './demoState.js';
import { INSTANCES_OPENING, STATE_CLOSING } from './demoStateText.js';

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
  const file = await open(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (!file) return 'missing';
  try {
    const sharing = new DemoInstanceSharing();
    const instances: DemoInstance[] = [];
    let head: unknown;
    // What the next line must be, as JSON would have it: another instance after a comma.
    let next: 'head' | 'instance or end' | 'instance' | 'end' | 'nothing' = 'head';
    // The handle is closed below, also when the loop ends early.
    for await (const line of file.readLines({ autoClose: false })) {
      if (next === 'head') {
        if (!line.endsWith(INSTANCES_OPENING)) return undefined;
        head = JSON.parse(`${line}${STATE_CLOSING}`);
        next = 'instance or end';
      } else if (line === STATE_CLOSING && next !== 'instance' && next !== 'nothing') {
        next = 'nothing';
      } else if (next === 'instance' || next === 'instance or end') {
        const more = line.endsWith(',');
        const record: unknown = JSON.parse(more ? line.slice(0, -1) : line);
        if (!demoInstanceSchema.safeParse(record).success) return undefined;
        // Checked, so it has the type; kept as parsed, not as zod's copy (a key zod does not know
        // stays, as written).
        instances.push(sharing.share(record as DemoInstance));
        next = more ? 'instance' : 'end';
      } else if (line !== '') {
        return undefined;
      }
    }
    if (next !== 'nothing') return undefined;
    const state = demoStateSchema.safeParse(head);
    if (!state.success) return undefined;
    state.data.instances = instances;
    return state.data;
  } finally {
    await file.close();
  }
}
