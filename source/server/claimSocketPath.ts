import { lstat, mkdir, readFile, readlink, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import { CliError } from '../commands/CliError.js';
import { writeFileAtomic } from '../core/fs/writeFileAtomic.js';

export function defaultSocketPath(stateDir: string): string {
  return join(stateDir, 'serve.sock');
}

function pidFilePath(socketPath: string): string {
  return `${socketPath}.pid`;
}

function answers(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = connect(socketPath);
    probe.once('connect', () => {
      probe.destroy();
      resolve(true);
    });
    probe.once('error', () => resolve(false));
  });
}

async function holder(socketPath: string): Promise<string> {
  try {
    const pid = Number.parseInt(await readFile(pidFilePath(socketPath), 'utf8'), 10);
    return Number.isInteger(pid) ? `pid ${pid}` : 'a process that left no pid';
  } catch {
    return 'a process that left no pid';
  }
}

/**
 * Makes the socket path safe to listen on: never through a symbolic link, never over a file of
 * someone else's, never over a live server (which is named by its pid); a dead server's socket
 * is removed. The state dir is made 0700.
 */
export async function claimSocketPath(socketPath: string, stateDir: string): Promise<void> {
  await mkdir(stateDir, { recursive: true, mode: 0o700 });
  let found: Awaited<ReturnType<typeof lstat>>;
  try {
    found = await lstat(socketPath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (found.isSymbolicLink()) {
    const target = await readlink(socketPath).catch(() => 'somewhere unreadable');
    throw new CliError(
      `refusing to listen on ${socketPath}: it is a symbolic link (to ${target}); remove it if it is yours`,
    );
  }
  const uid = process.getuid?.();
  if (uid !== undefined && found.uid !== uid) {
    throw new CliError(
      `refusing to listen on ${socketPath}: it is owned by uid ${found.uid}, not by you (uid ${uid})`,
    );
  }
  if (!found.isSocket()) {
    throw new CliError(
      `refusing to listen on ${socketPath}: it is a file, not a socket; move it aside first`,
    );
  }
  if (await answers(socketPath)) {
    throw new CliError(
      `another cws-tui serve (${await holder(socketPath)}) is listening on ${socketPath}; stop it first`,
    );
  }
  // A server that died without cleaning up: its socket answers no one.
  await rm(socketPath, { force: true });
}

/** Says who holds the socket, for the next `serve` to name. */
export async function recordSocketHolder(socketPath: string): Promise<void> {
  await writeFileAtomic(pidFilePath(socketPath), `${process.pid}\n`, 0o600);
}

export async function releaseSocketPath(socketPath: string): Promise<void> {
  await rm(pidFilePath(socketPath), { force: true });
  await rm(socketPath, { force: true });
}
