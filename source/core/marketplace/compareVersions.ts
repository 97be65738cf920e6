import semver from 'semver';

/** Newest first. */
export function newestFirst(a: string, b: string): number {
  return semver.rcompare(a, b);
}
