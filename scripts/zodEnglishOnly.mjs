// An esbuild plugin that ships zod's English messages only. The app imports `z`, a namespace
// object, so esbuild keeps all of it, `z.locales` included: 62 translations (about 260 KB of the
// bundle's largest chunk) that the app never selects, parsed at start and kept in memory as source
// for the whole session. zod uses English unless told otherwise, so `z.locales` keeps `en` alone.
// The build fails when zod's list of locales no longer has the shape this was written against.
import { readFile } from 'node:fs/promises';

const ENGLISH = 'export { default as en } from "./en.js";';

/** zod's locale index cut to its English line (the build stops when there is none to keep). */
export function englishOnly(source) {
  const lines = source.split('\n').filter((line) => line.trim() !== '');
  const shaped = lines.every((line) => /^export \{ default as \w+ \} from "\.\/[\w-]+\.js";$/.test(line));
  if (!shaped || !lines.includes(ENGLISH)) {
    throw new Error(
      "zod's locales/index.js changed: scripts/zodEnglishOnly.mjs must be updated for it (or removed)",
    );
  }
  return `${ENGLISH}\n`;
}

export const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(build) {
    build.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, async (args) => ({
      contents: englishOnly(await readFile(args.path, 'utf8')),
      loader: 'js',
    }));
  },
};
