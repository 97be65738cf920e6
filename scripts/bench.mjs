// `npm run bench`: a fresh bundle, then the bench on a supported Node (the packaged runtime when this
// machine's Node is older), so the bundle's shebang finds that Node too.
import { join } from 'node:path';
import { ensureBundle, root } from './bundleFreshness.mjs';
import { runWithNode } from './nodeRuntime.mjs';

const status = ensureBundle();
if (status !== 0) process.exit(status);
runWithNode([
  join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
  join(root, 'bench', 'run.ts'),
  ...process.argv.slice(2),
]);
