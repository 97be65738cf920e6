import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

/**
 * The anchor for the first frame: Ink's hello world, bundled the way the app is (minified ESM with
 * React and Ink inside, code loaded later split into chunks), so the ratio shows what the app adds
 * to Ink's own start.
 */
export async function buildInkHelloWorld(dir: string): Promise<string> {
  const entry = join(dir, 'ink-hello-source.mjs');
  writeFileSync(
    entry,
    `import React from 'react';\nimport { render, Text } from 'ink';\nrender(React.createElement(Text, null, 'Hello, world'));\n`,
  );
  await build({
    entryPoints: { 'ink-hello': entry },
    outdir: join(dir, 'ink-hello'),
    nodePaths: [resolve(import.meta.dirname, '..', 'node_modules')],
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    external: ['react-devtools-core'],
    banner: {
      js: "import { createRequire as __cwsCreateRequire } from 'node:module';\nconst require = __cwsCreateRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
  return join(dir, 'ink-hello', 'ink-hello.js');
}
