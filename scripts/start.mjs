// `npm start`: rebuild the bundle when any source is newer than it, then run it with the same args,
// on a supported Node (the packaged runtime when this machine's Node is older).
import { bundle, ensureBundle } from './bundleFreshness.mjs';
import { NODE_ENV, NODE_FLAGS } from './nodeFlags.mjs';
import { runWithNode } from './nodeRuntime.mjs';

const status = ensureBundle();
if (status !== 0) process.exit(status);
// The same environment the shebang gives node, unless the user set their own.
for (const [name, value] of Object.entries(NODE_ENV)) process.env[name] ??= value;
runWithNode([...NODE_FLAGS, bundle, ...process.argv.slice(2)]);
