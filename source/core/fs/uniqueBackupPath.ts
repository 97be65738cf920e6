import { uniqueFileSuffix } from './uniqueFileSuffix.js';

/**
 * Where to set a damaged file aside: `<path>.bak-<time>-<unique suffix>`, so that a second damaged
 * file never overwrites the first one's backup, even within the same millisecond or from another
 * process.
 */
export function uniqueBackupPath(path: string, now: Date = new Date()): string {
  return `${path}.bak-${now.toISOString().replace(/[:.]/g, '-')}-${uniqueFileSuffix(now.getTime())}`;
}
