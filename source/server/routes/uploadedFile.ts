import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/**
 * A command that reads a file (a job script, a Spark entry point) gets the request's text as a
 * file of its own, in a private directory removed afterwards, so the route runs the command as is.
 */
export async function withUploadedFile<T>(
  fileName: string,
  content: string,
  use: (path: string) => Promise<T>,
): Promise<T> {
  const directory = await mkdtemp(join(tmpdir(), 'cws-serve-'));
  try {
    const path = join(directory, basename(fileName).replace(/[^\w.-]/g, '_') || 'upload');
    await writeFile(path, content, { mode: 0o600 });
    return await use(path);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
