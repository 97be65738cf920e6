import { jsonArrayInLines } from '../../core/fs/jsonArrayInLines.js';
import type { DemoState } from './demoState.js';

/**
 * The demo state file's text in pieces, to write as they come: the state without its instances on
 * the first line, then one instance per line (see `jsonArrayInLines`), so that `readDemoStateFile`
 * parses and checks it instance by instance: 10,000 workstations' 6 MB of text never stands whole.
 */
export function demoStateText(state: DemoState): AsyncGenerator<string> {
  const { instances, ...rest } = state;
  return jsonArrayInLines(rest, 'instances', instances);
}
