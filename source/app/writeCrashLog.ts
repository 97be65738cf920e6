import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../core/fs/writeFileAtomic.js';

/** The log keeps its most recent part only, so crashes never fill the disk. */
const MAX_LOG_CHARS = 200_000;

/** Appends an unexpected error with its stack to the log file (written atomically). */
export async function writeCrashLog(logFile: string, error: unknown, at: Date = new Date()): Promise<void> {
  let previous = '';
  try {
    previous = await readFile(logFile, 'utf8');
  } catch (readError) {
    if ((readError as NodeJS.ErrnoException).code !== 'ENOENT') throw readError;
  }
  const detail = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  const entry = `[${at.toISOString()}] unexpected error in the interactive app\n${detail}\n\n`;
  await writeFileAtomic(logFile, (previous + entry).slice(-MAX_LOG_CHARS), 0o600);
}
