// `npm start`: rebuild the bundle when any source is newer than it, then run it with the same args.
import { spawnSync } from 'node:child_process';
import { bundle, ensureBundle } from './bundleFreshness.mjs';
import { NODE_FLAGS } from './nodeFlags.mjs';

const status = ensureBundle();
if (status !== 0) process.exit(status);
const run = spawnSync(process.execPath, [...NODE_FLAGS, bundle, ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
