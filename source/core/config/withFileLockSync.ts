import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';

const RETRY_MS = 10;
const TIMEOUT_MS = 10_000;
const STALE_MS = 30_000;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

/**
 * The synchronous twin of withFileLock, for conf's synchronous API: holds an `O_EXCL` lock file
 * while `work` runs, so that read-modify-write cycles of several processes never interleave. A
 * lock left by a dead process (or older than 30 s) is broken.
 */
export function withFileLockSync<T>(lockPath: string, work: () => T): T {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    try {
      const handle = openSync(lockPath, 'wx');
      writeSync(handle, `${process.pid}\n`);
      closeSync(handle);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (isStale(lockPath)) {
        rmSync(lockPath, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for the lock ${lockPath}`);
      Atomics.wait(sleeper, 0, 0, RETRY_MS);
    }
  }
  try {
    return work();
  } finally {
    rmSync(lockPath, { force: true });
  }
}

function isStale(lockPath: string): boolean {
  try {
    if (Date.now() - statSync(lockPath).mtimeMs > STALE_MS) return true;
    const pid = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
    if (!Number.isInteger(pid) || pid <= 0) return false;
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
