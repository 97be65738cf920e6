import { randomBytes } from 'node:crypto';

/**
 * Where to set a damaged file aside: `<path>.bak-<time>-<random>`, so that a second damaged file
 * never overwrites the first one's backup, even within the same millisecond.
 */
export function uniqueBackupPath(path: string, now: Date = new Date()): string {
  return `${path}.bak-${now.toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`;
}
