import { OperationError } from '../operations/OperationError.js';

export const SETUP_LOG_PATH = '/var/log/cws-setup.log';
export const DEFAULT_LOG_LINES = 200;

/** A systemd unit name: letters, digits and `:-_.@\`, nothing a shell would read. */
const UNIT_NAME = /^[A-Za-z0-9:_.@-]{1,128}$/;

export function requireUnitName(unit: string): string {
  if (!UNIT_NAME.test(unit)) {
    throw new OperationError(
      'invalid',
      `'${unit}' is not a systemd unit name`,
      'For example --service jupyter, --service code-server or --service cws-idle-agent.',
    );
  }
  return unit;
}

/**
 * The boot script's log from line `from` (1-based), at most `lines` lines: a follow asks again from
 * the line after the last one it printed. The first line names the purpose for the demo account.
 */
export function setupLogScript(options: { from?: number; lines: number }): string {
  const from = options.from ?? 0;
  const read = from > 0 ? `tail -n +${from} ${SETUP_LOG_PATH}` : `tail -n ${options.lines} ${SETUP_LOG_PATH}`;
  return [
    `# cws-tui:logs-setup from=${from} lines=${options.lines}`,
    `if [ ! -r ${SETUP_LOG_PATH} ]; then echo "no ${SETUP_LOG_PATH}: the boot script has not started logging" >&2; exit 3; fi`,
    `echo "-- lines: $(wc -l < ${SETUP_LOG_PATH})"`,
    read,
  ].join('\n');
}

/** A unit's journal; after a cursor only what came since (journalctl prints the new cursor last). */
export function serviceLogScript(options: { unit: string; lines: number; after_cursor?: string }): string {
  const unit = requireUnitName(options.unit);
  const since = options.after_cursor
    ? `--after-cursor='${options.after_cursor.replaceAll("'", '')}'`
    : `-n ${options.lines}`;
  return [
    `# cws-tui:logs-service ${unit}${options.after_cursor ? ' after' : ''}`,
    `journalctl -u ${unit} --no-pager -o short-iso --show-cursor ${since}`,
  ].join('\n');
}

/** journalctl's last line `-- cursor: s=...`: taken off the text, kept for the next poll. */
export function splitCursor(output: string): { text: string; cursor?: string } {
  const match = /^-- cursor: (.+)$/m.exec(output);
  if (!match) return { text: output };
  return { text: output.replace(/^-- cursor: .+\n?/m, ''), cursor: match[1] ?? '' };
}

/** The setup log script's first line `-- lines: N`: how many lines the file has now. */
export function splitLineCount(output: string): { text: string; lines: number } {
  const match = /^-- lines: (\d+)\n?/.exec(output);
  if (!match) return { text: output, lines: 0 };
  return { text: output.slice(match[0].length), lines: Number(match[1]) };
}
