import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { BigDataError } from './BigDataError.js';

/** What `bigdata submit` uploads: the script or jar's name and bytes. */
export interface EntryPointFile {
  name: string;
  bytes: Uint8Array;
}

/** Spark runs a Python script or a jar; anything else is refused before any call. */
const ENTRY_KINDS = /\.(py|jar)$/i;
const MAX_ENTRY_BYTES = 256 * 1024 * 1024;

/** Reads a local entry point, refusing what is not a regular .py or .jar file with the reason. */
export async function readEntryPoint(path: string): Promise<EntryPointFile> {
  if (!ENTRY_KINDS.test(path))
    throw new BigDataError(
      'input',
      `the entry point '${path}' is neither a Python script (.py) nor a jar (.jar)`,
    );
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new BigDataError('input', `the entry point '${path}' does not exist`);
  if (!info.isFile()) throw new BigDataError('input', `the entry point '${path}' is not a file`);
  if (info.size === 0) throw new BigDataError('input', `the entry point '${path}' is empty`);
  if (info.size > MAX_ENTRY_BYTES)
    throw new BigDataError(
      'input',
      `the entry point '${path}' is larger than 256 MB: put it in S3 and pass its s3:// URI`,
    );
  return { name: basename(path), bytes: new Uint8Array(await readFile(path)) };
}
