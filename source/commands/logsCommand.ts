import { DEFAULT_LOG_LINES, requireUnitName } from '../core/logs/logScripts.js';
import { type LogSource, readWorkstationLogs } from '../core/logs/readWorkstationLogs.js';
import { sanitizeForTerminal } from '../core/text/sanitizeForTerminal.js';
import { usageError } from './CliError.js';
import { findWorkstationByName } from './findWorkstationByName.js';
import { operationCommand, printJson } from './operations/operationCommand.js';

const USAGE = 'usage: cws-tui logs <name> [--boot | --setup | --service S] [--lines N] [--follow] [--json]';

/**
 * `cws-tui logs`: the serial console (`--boot`), the boot script's log (`--setup`, the default)
 * or a service's journal (`--service S`), with `--follow` until Ctrl-C or the workstation stops.
 */
export const runLogsCommand = operationCommand(async (context) => {
  const { flags } = context;
  const [name, ...extra] = context.args;
  if (!name || extra.length > 0) throw usageError(USAGE);
  const chosen = [flags.boot, flags.setup, flags.service !== undefined].filter(Boolean).length;
  if (chosen > 1) throw usageError('choose one of --boot, --setup and --service');
  if (flags.follow && flags.json)
    throw usageError('--follow prints as it comes: it cannot be combined with --json');
  const lines = flags.lines ?? DEFAULT_LOG_LINES;
  if (!(Number.isInteger(lines) && lines >= 1 && lines <= 10_000))
    throw usageError('--lines must be a whole number from 1 to 10000');
  const source: LogSource = flags.boot
    ? { kind: 'boot' }
    : flags.service !== undefined
      ? { kind: 'service', unit: requireUnitName(flags.service) }
      : { kind: 'setup' };
  const workstation = await findWorkstationByName(context.session, name);
  let collected = '';
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  try {
    await readWorkstationLogs(context.ops.account, workstation, source, {
      lines,
      follow: flags.follow,
      intervalMs: Math.max(context.ops.pollIntervalMs, flags.follow ? 2_000 : 0),
      signal: controller.signal,
      refresh: () => context.session.refreshWorkstation(workstation),
      onText: (text) => {
        if (flags.json) collected += text;
        else context.stdout(sanitizeForTerminal(text, { keepNewlines: true }));
      },
    });
  } finally {
    process.off('SIGINT', stop);
  }
  if (flags.json) printJson(context, { workstation: workstation.name, source, text: collected });
  return 0;
});
