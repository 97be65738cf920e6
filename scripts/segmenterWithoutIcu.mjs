// An esbuild plugin that gives the terminal text libraries Ink uses a LazyGraphemeSegmenter
// (source/app/ink/LazyGraphemeSegmenter.ts) where they make an Intl.Segmenter: each makes one when
// loaded, which keeps ICU's break rules resident (about 3 MB) although the dashboard's text almost
// never needs them. The build fails when a library no longer makes one, so that a changed library
// is looked at rather than silently left out.
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const replacement = fileURLToPath(new URL('../source/app/ink/LazyGraphemeSegmenter.ts', import.meta.url));
const CONSTRUCTION = 'new Intl.Segmenter(';

/** The files (under node_modules) that construct a segmenter; any copy of each, nested or not. */
export const SEGMENTING_FILES =
  /[\\/]node_modules[\\/](string-width[\\/]index\.js|slice-ansi[\\/]tokenize-ansi\.js|wrap-ansi[\\/]index\.js|cli-truncate[\\/]index\.js|@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]tokenize\.js)$/;

export const segmenterWithoutIcu = {
  name: 'segmenter-without-icu',
  setup(build) {
    build.onLoad({ filter: SEGMENTING_FILES }, async (args) => {
      const original = await readFile(args.path, 'utf8');
      if (!original.includes(CONSTRUCTION)) {
        throw new Error(
          `${args.path} no longer makes an Intl.Segmenter: check scripts/segmenterWithoutIcu.mjs against it`,
        );
      }
      return {
        contents: [
          `import { LazyGraphemeSegmenter as __CwsLazySegmenter } from ${JSON.stringify(replacement)};`,
          original.replaceAll(CONSTRUCTION, 'new __CwsLazySegmenter('),
        ].join('\n'),
        resolveDir: dirname(args.path),
        loader: 'js',
      };
    });
  },
};
