// `npm test`: vitest on a supported Node (the packaged runtime when this machine's Node is older).
import { join } from 'node:path';
import { root } from './bundleFreshness.mjs';
import { runWithNode } from './nodeRuntime.mjs';

runWithNode([join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...process.argv.slice(2)]);
