import { lstat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ApiError } from './ApiError.js';

/**
 * Who is on the other end of the Unix socket. Node exposes no SO_PEERCRED; reading it takes a
 * native addon, which the packaged single-file executable and its arm64 build cannot carry (and
 * the npm package lists searched had none). So the kernel does the check instead: a connect(2) to a socket
 * needs write permission on it, and the socket is 0600 and ours, so only our uid (and root, who
 * can do anything as us anyway) gets through. What could undo that is a later change to the file
 * (a chmod, a chown, a new file at the path) or a folder others may write in (they could swap the
 * socket): every request checks for these first and is refused with 403 while one holds.
 */
export function socketPeerGuard(
  socketPath: string,
  uid: number,
): { capture(): Promise<void>; check(): Promise<void> } {
  let inode: number | undefined;
  const refuse = (problem: string) =>
    new ApiError(
      403,
      'socket_not_private',
      `refusing requests on ${socketPath}: ${problem}, so other users could connect`,
      `stop serve (it removes the socket) and start it again: it makes the socket 0600 in a folder only you can write`,
    );
  return {
    /** The socket just made by listen(): the file every later check compares with. */
    async capture() {
      inode = (await lstat(socketPath)).ino;
    },
    async check() {
      const found = await lstat(socketPath).catch(() => undefined);
      if (!found?.isSocket() || found.ino !== inode) throw refuse('the socket file was removed or replaced');
      if (found.uid !== uid) throw refuse(`the socket is now owned by uid ${found.uid}, not ${uid}`);
      if ((found.mode & 0o077) !== 0)
        throw refuse(`the socket's mode is now ${(found.mode & 0o777).toString(8).padStart(4, '0')}`);
      const folder = await lstat(dirname(socketPath));
      if (folder.uid !== uid || (folder.mode & 0o022) !== 0)
        throw refuse(
          `its folder ${dirname(socketPath)} is writable by others (mode ${(folder.mode & 0o777).toString(8).padStart(4, '0')}, uid ${folder.uid})`,
        );
    },
  };
}
