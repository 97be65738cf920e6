import { createHash } from 'node:crypto';
import {
  DEFAULT_EXEC_CONCURRENCY,
  DEFAULT_EXEC_TIMEOUT_SECONDS,
  type ExecResult,
  execOnWorkstations,
} from '../core/exec/execOnWorkstations.js';
import { ROOT } from '../core/exec/remoteScriptFor.js';
import { parseTagFilters, selectTargets } from '../core/exec/selectTargets.js';
import { OperationError } from '../core/operations/OperationError.js';
import { sanitizeForTerminal } from '../core/text/sanitizeForTerminal.js';
import type { Workstation } from '../core/workstations/Workstation.js';
import { CliError, EXIT, usageError } from './CliError.js';
import { findWorkstationByName } from './findWorkstationByName.js';
import {
  confirm,
  type OperationCommandContext,
  operationCommand,
  printJson,
} from './operations/operationCommand.js';
import { renderTextTable } from './output/renderTextTable.js';

const KEEP_LINES = { keepNewlines: true };
const USAGE =
  'usage: cws-tui exec <name> [--root] [--timeout S] -- <command...>\n       cws-tui exec --all | --tag k=v [--concurrency N] [--yes] -- <command...>';

/**
 * `cws-tui exec`: runs a command through SSM Run Command, as the workstation's research user (or
 * root for admins), printing its output and exit code; on many workstations at once with a
 * per-host summary.
 */
export const runExecCommand = operationCommand(async (context) => {
  const { flags } = context;
  const fanOut = flags.all || flags.tag.length > 0;
  const [first, ...rest] = context.args;
  const words = fanOut ? context.args : rest;
  const command = words.join(' ').trim();
  if (!command || (!fanOut && !first)) throw usageError(USAGE);
  if (flags.root && context.ops.profile.role !== 'admin') {
    throw new OperationError(
      'denied',
      `--root is for admins: profile '${context.ops.profile.name}' is a member profile`,
      'Run the command as your research user (without --root), or ask an admin.',
    );
  }
  const targets = fanOut
    ? selectTargets(await context.session.listWorkstations(), {
        all: flags.all,
        tags: parseTagFilters(flags.tag),
      })
    : [await findWorkstationByName(context.session, first ?? '')];
  if (targets.length === 0) throw new CliError('no workstation matches: nothing to run the command on');
  if (fanOut) await confirm(context, `Run '${command}' on ${targets.length} workstation(s)?`);
  const concurrency = flags.concurrency ?? DEFAULT_EXEC_CONCURRENCY;
  if (!(concurrency >= 1 && Number.isInteger(concurrency)))
    throw usageError('--concurrency must be a whole number of at least 1');
  const timeout = flags.timeout ?? DEFAULT_EXEC_TIMEOUT_SECONDS;
  if (!(timeout >= 1 && timeout <= 172_800))
    throw usageError('--timeout must be between 1 and 172800 seconds (SSM limit)');
  const researchUser = flags.root ? undefined : (await context.ops.researchUser()).username;
  const results = await execOnWorkstations(
    context.ops.account.commands,
    targets,
    { command, timeout_seconds: timeout, concurrency },
    {
      intervalMs: context.ops.pollIntervalMs,
      runAs: (w: Workstation) => (flags.root ? ROOT : (w.research_user ?? researchUser ?? ROOT)),
      ...(!fanOut && !flags.json
        ? {
            onOutput: (_w: Workstation, chunk: { stdout: string; stderr: string }) => {
              if (chunk.stdout) context.stdout(sanitizeForTerminal(chunk.stdout, KEEP_LINES));
              if (chunk.stderr) context.stderr(sanitizeForTerminal(chunk.stderr, KEEP_LINES));
            },
          }
        : {}),
    },
  );
  await context.ops.audit({
    action: 'exec',
    profile: context.ops.profile.name,
    targets: targets.map((w) => w.name),
    as: flags.root ? ROOT : 'research-user',
    // The command may carry a secret: the log keeps its program and a fingerprint, never the text.
    program: command.split(/\s+/)[0] ?? '',
    command_sha256: createHash('sha256').update(command).digest('hex'),
    results: results.map((r) => ({ workstation: r.workstation, status: r.status, exit_code: r.exit_code })),
  });
  return report(context, results, fanOut);
});

function report(context: OperationCommandContext, results: ExecResult[], fanOut: boolean): number {
  const failed = results.filter((r) => r.status !== 'success');
  if (context.flags.json) {
    printJson(context, { results });
    return failed.length > 0 ? EXIT.error : EXIT.ok;
  }
  if (!fanOut) {
    const result = results[0];
    if (!result) return EXIT.error;
    if (result.status === 'skipped') throw new CliError(result.reason ?? `${result.workstation}: not run`);
    if (result.truncated) context.stderr('cws-tui: the output was cut at 24,000 characters by SSM\n');
    if (result.status === 'success') return EXIT.ok;
    context.stderr(
      `cws-tui: the command ${result.status === 'failed' ? `exited with ${result.exit_code ?? 'an error'}` : result.status} on ${result.workstation}\n`,
    );
    return EXIT.error;
  }
  for (const result of results) {
    const out = `${result.stdout}${result.stderr}`.trimEnd();
    if (!out) continue;
    for (const line of out.split('\n'))
      context.stdout(`${result.workstation}: ${sanitizeForTerminal(line)}\n`);
  }
  context.stdout(
    `\n${renderTextTable(results, [
      { header: 'WORKSTATION', value: (r) => r.workstation },
      { header: 'STATUS', value: (r) => r.status },
      {
        header: 'EXIT',
        value: (r) => (r.exit_code === undefined ? '-' : String(r.exit_code)),
        align: 'right',
      },
      {
        header: 'NOTE',
        value: (r) => sanitizeForTerminal(r.reason ?? (r.truncated ? 'output cut at 24,000 characters' : '')),
      },
    ])}`,
  );
  context.stdout(`${results.length - failed.length} of ${results.length} succeeded\n`);
  return failed.length > 0 ? EXIT.error : EXIT.ok;
}
