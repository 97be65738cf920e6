// Bundles the app with esbuild: dist/cws-tui.js is the entry (with a shebang); code that is only
// imported dynamically (the AWS SDK clients, each command) lands in dist/chunks/ and is read from
// disk only when it is first needed, so the first frame never waits for it.
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

await rm(`${root}/dist`, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { 'cws-tui': 'source/cli.tsx' },
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  sourcemap: 'linked',
  legalComments: 'none',
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"' },
  // Ink loads react-devtools-core only when DEV=true; it is not shipped.
  external: ['react-devtools-core'],
  banner: {
    // Bundled CommonJS dependencies still call require(); give them one.
    js: "#!/usr/bin/env node\nimport { createRequire as __cwsCreateRequire } from 'node:module';\nconst require = __cwsCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
