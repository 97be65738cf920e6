import { lstatSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { uniqueFileSuffix } from '../fs/uniqueFileSuffix.js';

/**
 * When `path` is a symbolic link, replaces the link (never its target) by a regular file with the
 * same content, written to a temporary file and renamed over the link. Returns whether it did.
 * A dangling link is replaced by nothing: the next write creates a fresh file.
 */
export function replaceSymlinkSync(path: string, mode = 0o600): boolean {
  let isLink: boolean;
  try {
    isLink = lstatSync(path).isSymbolicLink();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  if (!isLink) return false;
  let content: Buffer | undefined;
  try {
    content = readFileSync(path);
  } catch {
    content = undefined;
  }
  if (content === undefined) {
    rmSync(path, { force: true });
    return true;
  }
  const temporary = join(dirname(path), `.${uniqueFileSuffix()}.tmp`);
  writeFileSync(temporary, content, { mode, flag: 'wx' });
  try {
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  return true;
}
