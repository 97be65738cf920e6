import { appendLogEntry, errorLogLines } from '../core/log/appendLogEntry.js';

/** Appends an unexpected error with its stack to the log the CLI writes too (rotated). */
export async function writeCrashLog(logFile: string, error: unknown, at: Date = new Date()): Promise<void> {
  await appendLogEntry(logFile, 'unexpected error in the interactive app', errorLogLines(error), at);
}
