import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { uniqueFileSuffix } from './uniqueFileSuffix.js';

/**
 * Writes a file so that readers see either the old content or the new, never half of it: the data
 * goes to a temporary file in the same directory, is flushed to disk, then renamed over the target.
 * `data` may come in pieces (an async iterable of text), written as they come: a large file then
 * never stands in memory whole.
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array | AsyncIterable<string>,
  mode = 0o644,
): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temporary = join(dir, `.${uniqueFileSuffix()}.tmp`);
  const handle = await open(temporary, 'wx', mode);
  try {
    if (typeof data === 'string' || data instanceof Uint8Array) await handle.writeFile(data);
    // Each piece goes on from where the last one ended.
    else for await (const piece of data) await handle.writeFile(piece);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temporary, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
