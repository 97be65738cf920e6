import { readFile, rename } from 'node:fs/promises';
import type { z } from 'zod';
import { shareEqualStrings } from '../text/shareEqualStrings.js';

export type JsonFileRead<T> =
  | { status: 'missing' }
  | { status: 'read'; data: T }
  /** The file was not JSON or broke the schema: it was moved to `backup`, for a person to look at. */
  | { status: 'set-aside'; reason: string; backup: string };

/**
 * Reads a JSON file the app keeps, validated by its schema. An unreadable one is never silently
 * overwritten: it is moved to `backup` and the caller starts afresh and says so.
 */
export async function readJsonFileOrSetAside<Schema extends z.ZodType>(
  path: string,
  schema: Schema,
  backup: string,
): Promise<JsonFileRead<z.output<Schema>>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'missing' };
    throw error;
  }
  let reason: string;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    if (parsed.success) return { status: 'read', data: shareEqualStrings(parsed.data) };
    const issue = parsed.error.issues[0];
    reason = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'unexpected content';
  } catch (error) {
    reason = (error as Error).message;
  }
  await rename(path, backup);
  return { status: 'set-aside', reason, backup };
}
