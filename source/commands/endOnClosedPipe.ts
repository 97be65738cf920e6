/**
 * A reader that stops early (`cws-tui templates list | head -1`, `| grep -q`) closes the pipe, and
 * the next write fails with EPIPE. The command has then said all anyone will read: it ends quietly
 * and successfully, as the shell's own tools do, instead of crashing with a stack trace.
 */
export function endOnClosedPipe(
  streams: readonly NodeJS.WritableStream[] = [process.stdout, process.stderr],
  exit: (code: number) => void = (code) => process.exit(code),
): void {
  for (const stream of streams) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      exit(0);
    });
  }
}
