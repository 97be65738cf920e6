// An esbuild plugin that puts source/app/ink/createCachedInkOutput.ts in the place of Ink's own
// frame builder (ink/build/output.js), with the same helpers Ink's uses (resolved from Ink's own
// folder, so the same versions). The build fails when Ink's file no longer has the shape the
// replacement was written and tested against.
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const replacement = fileURLToPath(new URL('../source/app/ink/createCachedInkOutput.ts', import.meta.url));
const EXPECTED = [
  'export default class Output',
  'write(x, y, text, options)',
  'clip(clip)',
  'unclip()',
  'get()',
];

export const inkCachedOutput = {
  name: 'ink-cached-output',
  setup(build) {
    build.onLoad({ filter: /[\\/]ink[\\/]build[\\/]output\.js$/ }, async (args) => {
      const original = await readFile(args.path, 'utf8');
      const missing = EXPECTED.filter((part) => !original.includes(part));
      if (missing.length > 0) {
        throw new Error(
          `Ink's output.js changed (no ${missing.join(', ')}): check source/app/ink/createCachedInkOutput.ts against it`,
        );
      }
      return {
        contents: [
          "import sliceAnsi from 'slice-ansi';",
          "import stringWidth from 'string-width';",
          "import { styledCharsFromTokens, styledCharsToString, tokenize } from '@alcalzone/ansi-tokenize';",
          `import { createCachedInkOutput } from ${JSON.stringify(replacement)};`,
          'export default createCachedInkOutput({ sliceAnsi, stringWidth, tokenize, styledCharsFromTokens, styledCharsToString });',
        ].join('\n'),
        resolveDir: dirname(args.path),
        loader: 'js',
      };
    });
  },
};
