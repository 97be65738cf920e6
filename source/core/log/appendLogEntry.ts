import { appendFile, mkdir, rename, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

/** The log is rotated past this size: `cws-tui.log` -> `.1` -> `.2`, so it never fills the disk. */
export const LOG_ROTATE_BYTES = 1024 * 1024;
const KEPT_OLD_LOGS = 2;

/**
 * Appends one entry to the app's log (the TUI's and the CLI's alike), rotating it first when it
 * has grown past the limit. Mode 0600: entries name accounts and resources.
 */
export async function appendLogEntry(
  logFile: string,
  title: string,
  lines: string[],
  at: Date = new Date(),
): Promise<void> {
  await mkdir(dirname(logFile), { recursive: true });
  const size = await stat(logFile).then(
    (info) => info.size,
    () => 0,
  );
  if (size > LOG_ROTATE_BYTES) {
    for (let index = KEPT_OLD_LOGS; index >= 1; index -= 1) {
      const from = index === 1 ? logFile : `${logFile}.${index - 1}`;
      await rename(from, `${logFile}.${index}`).catch(() => {});
    }
  }
  const body = lines.map((line) => `  ${line.replace(/\n/g, '\n  ')}`).join('\n');
  await appendFile(logFile, `[${at.toISOString()}] ${title}\n${body}\n\n`, { mode: 0o600 });
}

/** What a log entry says about an error: its kind and code, message, hint, request id and stack. */
export function errorLogLines(error: unknown): string[] {
  if (!(error instanceof Error)) return [String(error)];
  const record = error as Error & {
    code?: unknown;
    hint?: unknown;
    kind?: unknown;
    $metadata?: { requestId?: string };
  };
  return [
    `${error.name}${typeof record.kind === 'string' ? ` (${record.kind})` : ''}${typeof record.code === 'string' && record.code ? ` ${record.code}` : ''}: ${error.message}`,
    ...(typeof record.hint === 'string' && record.hint ? [`hint: ${record.hint}`] : []),
    ...(record.$metadata?.requestId ? [`request id: ${record.$metadata.requestId}`] : []),
    ...(error.stack ? [error.stack.split('\n').slice(1).join('\n').trim()] : []),
  ];
}
