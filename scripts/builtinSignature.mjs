// Whether templates/builtin-templates.signature.json is missing or older than a built-in template, and
// signing them again when it is (with the development key unless CWS_RELEASE_SIGNING_KEY is set):
// shared by the build, `npm start` and the test run's global setup, so a fresh clone or an edited
// template never runs with an unsigned set.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const templates = join(root, 'templates');
export const builtinSignature = join(templates, 'builtin-templates.signature.json');

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return path === builtinSignature ? 0 : stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export function builtinSignatureIsStale() {
  if (!existsSync(builtinSignature)) return true;
  // Writing the signature changes the folder's mtime too: only the templates and subfolders count.
  const newest = Math.max(...readdirSync(templates).map((entry) => newestMtime(join(templates, entry))), 0);
  return newest > statSync(builtinSignature).mtimeMs;
}

/** Signs the built-ins when their signature is missing or stale; returns the signer's exit status. */
export function ensureBuiltinSignature(node = process.execPath) {
  // With the release key at hand (a release build), always sign, whatever signed the set before.
  if (!process.env.CWS_RELEASE_SIGNING_KEY && !builtinSignatureIsStale()) return 0;
  const signed = spawnSync(
    node,
    [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'scripts', 'signBuiltinTemplates.ts')],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  return signed.status ?? 1;
}
