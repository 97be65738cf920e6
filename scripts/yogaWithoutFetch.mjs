// An esbuild plugin for yoga-layout's Emscripten loader. When `fetch` exists (every current Node),
// the loader fetches its own `data:` URL to decode the WebAssembly it carries in base64, and that
// first fetch loads Node's whole fetch implementation (undici, web streams): about 25 ms of the
// first frame, for bytes the loader decodes itself when there is no fetch. The plugin makes the
// loader take that path. The build fails when the loader no longer has the expected shape.
// Its memory, measured at stop 32 (Node 24, bare node): importing the loader as shipped adds about
// 24 MB of RSS, mostly that fetch; with this patch 13 MB, and 3 MB in a process that has already
// run optimised JS (the rest is V8's optimising compiler being paged in, which the app needs
// anyway). The 16 MB the module's memory starts with is reserved, not touched (0.05 MB of it
// resident in the running dashboard), and the 70 KB binary and its base64 text are small; so there
// is nothing here worth patching for memory.
import { readFile } from 'node:fs/promises';

const FETCH_TEST = '"function"!=typeof fetch?Promise.resolve()';
const NO_FETCH = '!0?Promise.resolve()';

/** The loader's text with its own-data fetch replaced by its decoding path (exactly once). */
export function withoutDataFetch(source) {
  const at = source.indexOf(FETCH_TEST);
  if (at === -1 || source.indexOf(FETCH_TEST, at + 1) !== -1) {
    throw new Error(
      "yoga-layout's loader changed: scripts/yogaWithoutFetch.mjs must be updated for it (or removed)",
    );
  }
  return source.slice(0, at) + NO_FETCH + source.slice(at + FETCH_TEST.length);
}

export const yogaWithoutFetch = {
  name: 'yoga-without-fetch',
  setup(build) {
    build.onLoad(
      { filter: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/ },
      async (args) => ({
        contents: withoutDataFetch(await readFile(args.path, 'utf8')),
        loader: 'js',
      }),
    );
  },
};
