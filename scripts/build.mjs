// Bundles the app with esbuild: dist/cws-tui.js is the entry (with a shebang); code that is only
// imported dynamically (the AWS SDK clients, each command) lands in dist/chunks/ and is read from
// disk only when it is first needed, so the first frame never waits for it.
import { chmod, rename, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { ensureBuiltinSignature } from './builtinSignature.mjs';
import { confLazyCrypto } from './confLazyCrypto.mjs';
import { inkCachedOutput } from './inkCachedOutput.mjs';
import { NODE_ENV, NODE_FLAGS } from './nodeFlags.mjs';
import { segmenterWithoutIcu } from './segmenterWithoutIcu.mjs';
import { yogaWithoutFetch } from './yogaWithoutFetch.mjs';
import { zodEnglishOnly } from './zodEnglishOnly.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
// env(1) sets these for node, before it starts (see nodeFlags.mjs).
const shebangEnv = Object.entries(NODE_ENV)
  .map(([name, value]) => `${name}=${value}`)
  .join(' ');

// Built beside dist/ and swapped in whole, so a failed build never leaves a broken or missing bundle.
const staging = `${root}/dist.staging`;
await rm(staging, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: { 'cws-tui': 'source/main.ts' },
  outdir: 'dist.staging',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  minify: true,
  sourcemap: 'linked',
  legalComments: 'none',
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"' },
  // Ink loads react-devtools-core only when DEV=true; it is not shipped.
  external: ['react-devtools-core'],
  banner: {
    // Bundled CommonJS dependencies still call require(); give them one.
    js: `#!/usr/bin/env -S ${shebangEnv} node ${NODE_FLAGS.join(' ')}\nimport { createRequire as __cwsCreateRequire } from 'node:module';\nconst require = __cwsCreateRequire(import.meta.url);`,
  },
  plugins: [yogaWithoutFetch, inkCachedOutput, segmenterWithoutIcu, confLazyCrypto, zodEnglishOnly],
  logLevel: 'warning',
}).catch(() => undefined);
if (!result) {
  // esbuild has already printed the errors with their locations.
  await rm(staging, { recursive: true, force: true });
  process.exit(1);
}
await rm(`${root}/dist`, { recursive: true, force: true });
await rename(staging, `${root}/dist`);
await chmod(`${root}/dist/cws-tui.js`, 0o755);
// The built-ins ship signed: with the release key when CWS_RELEASE_SIGNING_KEY is set, else the development key.
if (ensureBuiltinSignature() !== 0) process.exit(1);
