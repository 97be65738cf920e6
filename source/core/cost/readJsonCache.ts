import { readFile, rm } from 'node:fs/promises';
import type { z } from 'zod';

/**
 * Reads a cache file written by the app. A missing or unreadable cache is simply absent: the caller
 * fetches again; an unreadable one is removed so that it is not read again.
 */
export async function readJsonCache<T>(file: string, schema: z.ZodType<T>): Promise<T | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // Not JSON: treated like a cache that fails its schema.
  }
  await rm(file, { force: true });
  return undefined;
}
