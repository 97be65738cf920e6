import type { DemoState } from './demoState.js';

/** Ends the first line of the state file: the instances follow, one per line. */
export const INSTANCES_OPENING = '"instances":[';
/** Ends the instances and the state, on a line of its own. */
export const STATE_CLOSING = ']}';
/** Instances written per piece: one write per instance would be 10,000 system calls. */
const INSTANCES_PER_PIECE = 500;

/**
 * The demo state file's text in pieces, to write as they come: the state without its instances on
 * the first line, then one instance per line. It is one JSON document as before (any JSON reader
 * reads it), laid out so that `readDemoStateFile` can parse and check it instance by instance: the
 * 6 MB text of 10,000 workstations then never stands in memory whole, neither when written nor read.
 */
export async function* demoStateText(state: DemoState): AsyncGenerator<string> {
  const { instances, ...rest } = state;
  // The rest's own text without its closing brace: `rest` always has keys (version, account).
  yield `${JSON.stringify(rest).slice(0, -1)},${INSTANCES_OPENING}\n`;
  for (let from = 0; from < instances.length; from += INSTANCES_PER_PIECE) {
    const lines: string[] = [];
    const to = Math.min(from + INSTANCES_PER_PIECE, instances.length);
    for (let index = from; index < to; index++) {
      lines.push(`${JSON.stringify(instances[index])}${index < instances.length - 1 ? ',' : ''}\n`);
    }
    yield lines.join('');
  }
  yield `${STATE_CLOSING}\n`;
}
