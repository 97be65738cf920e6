import { formatUsd } from '../core/cost/formatUsd.js';
import { startOfZonedMonth } from '../core/cost/zonedCalendar.js';
import { idleSavings } from '../core/idle/idleSavings.js';
import { describeExpression, requireTimeZone, workstationSchedules } from '../core/idle/idleSchedule.js';
import { OperationError } from '../core/operations/OperationError.js';
import { TAG } from '../core/ports.js';
import { EXIT } from './CliError.js';
import { findWorkstationByName } from './findWorkstationByName.js';
import { confirm, type OperationCommandContext, printJson } from './operations/operationCommand.js';
import { renderTextTable } from './output/renderTextTable.js';

/** The machine's own time zone, the default for schedules and for "this month". */
function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** `idle schedule`: EventBridge Scheduler stops and/or starts the workstation at set times. */
export async function idleScheduleCommand(context: OperationCommandContext, name: string): Promise<number> {
  const { flags, ops } = context;
  const workstation = await findWorkstationByName(context.session, name);
  if (workstation.kind !== 'ec2')
    throw new OperationError(
      'refused',
      `${workstation.name} is a ${workstation.kind} service: schedules start and stop EC2 workstations`,
    );
  const schedules = workstationSchedules({
    region: workstation.region,
    instance_id: workstation.id,
    ...(flags.stop !== undefined ? { stop: flags.stop } : {}),
    ...(flags.start !== undefined ? { start: flags.start } : {}),
    days: flags.days ?? 'mon-fri',
    time_zone: requireTimeZone(flags.tz ?? localTimeZone()),
  });
  const described = schedules
    .map((s) => `${s.action} ${describeExpression(s.expression)} (${s.time_zone})`)
    .join(', ');
  await confirm(context, `Schedule ${workstation.name}: ${described}?`);
  for (const schedule of schedules) await ops.account.schedules.putSchedule(schedule);
  await ops.audit({
    action: 'idle-schedule',
    profile: ops.profile.name,
    targets: [workstation.name],
    schedules: schedules.map((s) => s.expression),
  });
  if (flags.json) printJson(context, { workstation: workstation.name, schedules });
  else context.stdout(`${workstation.name}: ${described}\n`);
  return EXIT.ok;
}

export async function idleUnscheduleCommand(context: OperationCommandContext, name: string): Promise<number> {
  const { ops } = context;
  const workstation = await findWorkstationByName(context.session, name);
  const existing = (await ops.account.schedules.listSchedules(workstation.region)).filter(
    (s) => s.instance_id === workstation.id,
  );
  if (existing.length === 0) {
    context.stdout(`${workstation.name} has no schedule\n`);
    return EXIT.ok;
  }
  await confirm(context, `Remove the ${existing.length} schedule(s) of ${workstation.name}?`);
  for (const schedule of existing)
    await ops.account.schedules.deleteSchedule(workstation.region, schedule.name);
  await ops.audit({ action: 'idle-unschedule', profile: ops.profile.name, targets: [workstation.name] });
  if (context.flags.json)
    printJson(context, { workstation: workstation.name, removed: existing.map((s) => s.name) });
  else context.stdout(`${workstation.name}: schedules removed\n`);
  return EXIT.ok;
}

/** `idle savings`: compute not paid this month because the idle agent stopped workstations. */
export async function idleSavingsCommand(context: OperationCommandContext): Promise<number> {
  const { ops } = context;
  // Prices of types the snapshot lacks come from the Price List API; without them a saving is $0.
  await ops.livePrices?.();
  const now = new Date();
  const { items } = await ops.account.compute.listInstances({
    regions: ops.account.regions,
    tags: { [TAG.managed]: 'true' },
  });
  const { savings, total_usd } = idleSavings(items, ops.prices, {
    from: startOfZonedMonth(now, localTimeZone()),
    to: now,
  });
  if (context.flags.json) {
    printJson(context, { savings, total_usd });
    return EXIT.ok;
  }
  if (savings.length === 0) {
    context.stdout('No workstation was stopped by its idle agent this month: nothing saved yet.\n');
    return EXIT.ok;
  }
  context.stdout(
    renderTextTable(savings, [
      { header: 'WORKSTATION', value: (s) => s.workstation },
      { header: 'IDLE ACTION', value: (s) => `${s.action} at ${s.at.slice(0, 16).replace('T', ' ')}` },
      {
        header: 'UNTIL',
        value: (s) => (s.restarted_at ? s.restarted_at.slice(0, 16).replace('T', ' ') : 'still stopped'),
      },
      { header: 'STOPPED', value: (s) => `${s.stopped_hours.toFixed(1)} h`, align: 'right' },
      {
        header: 'SAVED',
        value: (s) => (s.price_unknown ? 'price unknown' : formatUsd(s.usd)),
        align: 'right',
      },
    ]),
  );
  context.stdout(
    `Saved this month: ${formatUsd(total_usd)} of compute (estimate; storage is billed either way)\n`,
  );
  const unpriced = savings.filter((s) => s.price_unknown).map((s) => s.workstation);
  if (unpriced.length > 0)
    context.stdout(`Not counted (no price for the type here): ${unpriced.join(', ')}\n`);
  return EXIT.ok;
}
