import { applyIdlePolicy } from '../core/idle/applyIdlePolicy.js';
import { findIdlePolicy, IDLE_POLICIES, IDLE_POLICY_TAG } from '../core/idle/idlePolicies.js';
import { IDLE_TAG } from '../core/idle/idleSavings.js';
import { describeExpression } from '../core/idle/idleSchedule.js';
import { sanitizeForTerminal } from '../core/text/sanitizeForTerminal.js';
import { CliError, EXIT, usageError } from './CliError.js';
import { findWorkstationByName } from './findWorkstationByName.js';
import { idleSavingsCommand, idleScheduleCommand, idleUnscheduleCommand } from './idleScheduleCommand.js';
import {
  confirm,
  type OperationCommandContext,
  operationCommand,
  printJson,
} from './operations/operationCommand.js';
import { renderTextTable } from './output/renderTextTable.js';

const USAGE = [
  'usage: cws-tui idle list | show <policy> | status [--json]',
  '       cws-tui idle apply <policy> <workstation...> [--yes]',
  '       cws-tui idle schedule <workstation> [--stop HH:MM] [--start HH:MM] [--days mon-fri] [--tz Europe/Berlin] [--yes]',
  '       cws-tui idle unschedule <workstation> [--yes] | idle savings [--json]',
].join('\n');

/** `cws-tui idle`: named idle policies applied through SSM, start/stop schedules, and what idling saved. */
export const runIdleCommand = operationCommand(async (context) => {
  const [sub, ...rest] = context.args;
  if (sub === 'list' && rest.length === 0) return list(context);
  if (sub === 'show' && rest.length === 1 && rest[0]) return show(context, rest[0]);
  if (sub === 'apply' && rest.length >= 2 && rest[0]) return apply(context, rest[0], rest.slice(1));
  if (sub === 'status' && rest.length === 0) return status(context);
  if (sub === 'schedule' && rest.length === 1 && rest[0]) return idleScheduleCommand(context, rest[0]);
  if (sub === 'unschedule' && rest.length === 1 && rest[0]) return idleUnscheduleCommand(context, rest[0]);
  if (sub === 'savings' && rest.length === 0) return idleSavingsCommand(context);
  throw usageError(USAGE);
});

function list(context: OperationCommandContext): number {
  if (context.flags.json) {
    printJson(context, { policies: IDLE_POLICIES });
    return EXIT.ok;
  }
  context.stdout(
    renderTextTable(
      [...IDLE_POLICIES],
      [
        { header: 'POLICY', value: (p) => p.name },
        { header: 'DESCRIPTION', value: (p) => p.description },
      ],
    ),
  );
  return EXIT.ok;
}

function show(context: OperationCommandContext, name: string): number {
  const policy = findIdlePolicy(name);
  if (context.flags.json) printJson(context, policy);
  else {
    const agent = policy.agent;
    context.stdout(`${policy.name}: ${policy.description}\n`);
    if (agent) {
      context.stdout(
        `  checks every ${agent.intervalMinutes} min; idle = CPU and GPU under 5% with nobody logged in\n`,
      );
      if (agent.hibernateMinutes)
        context.stdout(
          `  marks idle after ${agent.idleMinutes} min, hibernates after ${agent.hibernateMinutes} min\n`,
        );
      else context.stdout(`  stops after ${agent.idleMinutes} idle min\n`);
    }
  }
  return EXIT.ok;
}

async function apply(context: OperationCommandContext, name: string, names: string[]): Promise<number> {
  const policy = findIdlePolicy(name);
  const workstations = [];
  for (const workstationName of names)
    workstations.push(await findWorkstationByName(context.session, workstationName));
  await confirm(
    context,
    `Apply the idle policy '${policy.name}' (${policy.description}) to ${workstations.map((w) => w.name).join(', ')}?`,
  );
  const results = await applyIdlePolicy(context.ops, policy, workstations);
  if (context.flags.json) printJson(context, { policy: policy.name, results });
  else {
    for (const result of results) {
      context.stdout(
        result.applied
          ? `${result.workstation}: ${policy.name} applied\n`
          : `${result.workstation}: not applied: ${sanitizeForTerminal(result.reason ?? '')}\n`,
      );
    }
  }
  const failed = results.filter((r) => !r.applied);
  if (failed.length > 0 && !context.flags.json && failed.length === results.length) {
    throw new CliError(`the policy was applied to none of the workstations`);
  }
  return failed.length > 0 ? EXIT.error : EXIT.ok;
}

async function status(context: OperationCommandContext): Promise<number> {
  const { ops } = context;
  const workstations = (await context.session.listWorkstations()).filter(
    (w) => w.kind === 'ec2' && w.state !== 'terminated',
  );
  const regions = [...new Set(workstations.map((w) => w.region))];
  const schedules = (
    await Promise.all(regions.map((region) => ops.account.schedules.listSchedules(region)))
  ).flat();
  const rows = workstations.map((w) => {
    const tags = w.instance?.tags ?? {};
    const own = schedules.filter((s) => s.instance_id === w.id);
    return {
      workstation: w.name,
      state: w.hibernated && w.state === 'stopped' ? 'hibernated' : w.state,
      policy: tags[IDLE_POLICY_TAG] ?? 'template default',
      idle_since: tags[IDLE_TAG.since],
      last_action: tags[IDLE_TAG.action]
        ? `${tags[IDLE_TAG.action]} at ${tags[IDLE_TAG.at] ?? '?'}`
        : undefined,
      last_reason: tags[IDLE_TAG.reason],
      schedules: own.map((s) => `${s.action} ${describeExpression(s.expression)} ${s.time_zone}`),
    };
  });
  if (context.flags.json) {
    printJson(context, { workstations: rows });
    return EXIT.ok;
  }
  if (rows.length === 0) {
    context.stdout('No workstations.\n');
    return EXIT.ok;
  }
  context.stdout(
    renderTextTable(rows, [
      { header: 'WORKSTATION', value: (r) => r.workstation },
      { header: 'STATE', value: (r) => r.state },
      { header: 'POLICY', value: (r) => sanitizeForTerminal(r.policy) },
      { header: 'IDLE SINCE', value: (r) => sanitizeForTerminal(r.idle_since ?? '-') },
      { header: 'LAST IDLE ACTION', value: (r) => sanitizeForTerminal(r.last_action ?? '-') },
      { header: 'SCHEDULE', value: (r) => r.schedules.join('; ') || '-' },
    ]),
  );
  return EXIT.ok;
}
