import * as nodeModule from 'node:module';
import { join } from 'node:path';
import { parseTuiArgs } from './commands/parseTuiArgs.js';
import { resolveAppPaths } from './core/paths.js';

/**
 * The bundle's entry. Node keeps the compiled code of every module the app loads in the user's own
 * cache dir (not the shared /tmp), so a cold command compiles none of them again: compiling was the
 * largest part of `templates list` and `list`. The app itself is loaded after, so all of it is cached.
 */
// Node 22.1 and newer (the types this project builds with are older than the call).
const { enableCompileCache } = nodeModule as { enableCompileCache?: (directory: string) => unknown };
try {
  enableCompileCache?.(join(resolveAppPaths().cacheDir, 'compiled'));
} catch {
  // A cache that cannot be made only costs the compile it would have saved.
}
// A plain `cws-tui [options]` opens the app without the command-line parser (see parseTuiArgs).
const tuiFlags = parseTuiArgs(process.argv.slice(2));
if (tuiFlags) await (await import('./tuiMain.js')).tuiMain(tuiFlags);
else await import('./cli.js');
