import { formatUsd, formatUsdPerHour } from '../core/cost/formatUsd.js';
import { HOUR_MS } from '../core/cost/TimeWindow.js';
import { chooseInstanceType } from '../core/launch/chooseInstanceType.js';
import { OperationError } from '../core/operations/OperationError.js';
import { planResize } from '../core/resize/planResize.js';
import { CliError, usageError } from './CliError.js';
import { findWorkstationByName } from './findWorkstationByName.js';
import { confirm, operationCommand, printJson } from './operations/operationCommand.js';

const USAGE = 'usage: cws-tui resize <name> --type T | --size S [--start] [--yes] [--json]';

/**
 * `cws-tui resize`: changes a stopped workstation's instance type, checked by the policy and
 * priced before and after; `--start` starts it again.
 */
export const runResizeCommand = operationCommand(async (context) => {
  const { flags, session, ops } = context;
  const [name, ...extra] = context.args;
  if (!name || extra.length > 0 || (flags.type === undefined) === (flags.size === undefined))
    throw usageError(USAGE);
  if (flags.start !== undefined && flags.start !== '') {
    throw usageError(`--start takes no value (got '${flags.start}'): put it after the workstation's name`);
  }
  const workstation = await findWorkstationByName(session, name);
  const instance = workstation.instance;
  if (workstation.kind !== 'ec2' || !instance) {
    throw new OperationError(
      'refused',
      `${workstation.name} is a ${workstation.kind} service: only EC2 workstations are resized here`,
    );
  }
  const targetType =
    flags.type ??
    chooseInstanceType(await session.resolveTemplate(workstation.template), { size: flags.size ?? '' });
  const spend =
    ops.profile.policy.monthly_budget !== undefined ? await monthSpend(context.session) : undefined;
  const plan = await planResize(ops, instance, targetType, spend);
  if (!plan.verdict.allowed) {
    const reasons = plan.verdict.violations.map((v) => `  - ${v.message}`).join('\n');
    const suggestions = plan.verdict.suggestions.map((s) => `  try: ${s.message}`).join('\n');
    throw new OperationError(
      'denied',
      `the policy does not allow ${plan.to} for ${plan.workstation}:\n${reasons}`,
      suggestions,
    );
  }
  const priced = `${plan.from} -> ${plan.to}: ${formatUsdPerHour(plan.before.hourly)} -> ${formatUsdPerHour(plan.after.hourly)}, ${formatUsd(plan.before.monthly)}/month -> ${formatUsd(plan.after.monthly)}/month`;
  if (!flags.json) context.stderr(`${priced}\n`);
  await confirm(context, `Resize ${plan.workstation} (${priced})?`);
  await ops.account.instanceChanges.modifyInstanceType(plan.region, plan.instance_id, plan.to);
  await ops.audit({
    action: 'resize',
    profile: ops.profile.name,
    targets: [plan.workstation],
    from: plan.from,
    to: plan.to,
    hourly_before: plan.before.hourly,
    hourly_after: plan.after.hourly,
  });
  const start = flags.start !== undefined;
  if (start) {
    if (flags.start !== '')
      throw new CliError(
        `--start takes no value (got '${flags.start}'): the type is resized and then started`,
      );
    await session.startWorkstation(workstation);
  }
  if (flags.json) printJson(context, { ...plan, started: start });
  else
    context.stdout(
      `${plan.workstation} is now ${plan.to}${start ? ' and starting' : ` (start it with cws-tui start ${plan.workstation})`}\n`,
    );
  return 0;
});

async function monthSpend(
  session: OperationCommandSession,
): Promise<{ month_to_date: number; projected_month: number; hours_left_in_month: number }> {
  const now = new Date();
  const { report } = await session.costReport({ fireAlerts: false, now });
  return {
    month_to_date: report.month_to_date,
    projected_month: report.projected_month,
    hours_left_in_month: Math.max(0, (Date.parse(report.month.to) - now.getTime()) / HOUR_MS),
  };
}

type OperationCommandSession = Parameters<Parameters<typeof operationCommand>[0]>[0]['session'];
