// `npm run package` on a supported Node (the packaged runtime when this machine's Node is older).
import { join } from 'node:path';
import { root } from './bundleFreshness.mjs';
import { runWithNode } from './nodeRuntime.mjs';

runWithNode([
  join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
  join(root, 'scripts', 'packageRelease.ts'),
]);
