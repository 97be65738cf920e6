// Whether dist/cws-tui.js is older than what it is built from, and a rebuild when it is: shared by
// `npm start` and the test run's global setup, so neither a fresh clone nor an edit runs an old
// bundle.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuiltinSignature } from './builtinSignature.mjs';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const bundle = join(root, 'dist', 'cws-tui.js');

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export function bundleIsStale() {
  if (!existsSync(bundle)) return true;
  const inputs = ['source', 'package.json', 'package-lock.json', 'scripts/build.mjs', 'scripts/nodeFlags.mjs']
    .map((p) => join(root, p))
    .filter(existsSync);
  return Math.max(...inputs.map(newestMtime)) > statSync(bundle).mtimeMs;
}

/**
 * Builds the bundle when it is missing or stale, and signs the built-in templates when their
 * signature is; returns the first failing exit status (0 when all is fresh).
 */
export function ensureBundle(node = process.execPath) {
  if (bundleIsStale()) {
    const built = spawnSync(node, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
    if (built.status !== 0) return built.status ?? 1;
  }
  return ensureBuiltinSignature(node);
}
