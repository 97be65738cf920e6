import { assertTimeZone } from '../cost/zonedCalendar.js';
import { OperationError } from '../operations/OperationError.js';
import type { ScheduledAction, WorkstationSchedule } from '../ports.js';

const DAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] as const;

/** `HH:MM` (24 h) to hour and minute. */
export function parseClock(value: string, flag: string): { hour: number; minute: number } {
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(value.trim());
  if (!match)
    throw new OperationError(
      'invalid',
      `${flag} ${value} is not a time of day`,
      `Use 24-hour HH:MM, e.g. ${flag} 19:00.`,
    );
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

/** `mon-fri`, `sat,sun`, `daily`: the day-of-week field of a Scheduler cron expression. */
export function parseDays(value: string): string {
  const text = value.trim().toLowerCase();
  if (text === 'daily' || text === 'every-day' || text === 'mon-sun') return '*';
  const day = (name: string): string => {
    const found = DAY_NAMES.find((d) => d.toLowerCase() === name.slice(0, 3) && name.length >= 3);
    if (!found)
      throw new OperationError(
        'invalid',
        `--days ${value}: '${name}' is not a day`,
        'Use names like mon-fri, sat,sun or daily.',
      );
    return found;
  };
  return text
    .split(',')
    .map((part) => {
      const [from, to] = part.split('-');
      return to !== undefined ? `${day(from ?? '')}-${day(to)}` : day(from ?? '');
    })
    .join(',');
}

export function requireTimeZone(timeZone: string): string {
  try {
    assertTimeZone(timeZone);
  } catch {
    throw new OperationError(
      'invalid',
      `unknown time zone '${timeZone}'`,
      'Use an IANA name such as Europe/Berlin, America/New_York or UTC.',
    );
  }
  return timeZone;
}

/** The start and/or stop schedules of one workstation: `<instance id>-<action>`. */
export function workstationSchedules(request: {
  region: string;
  instance_id: string;
  stop?: string;
  start?: string;
  days: string;
  time_zone: string;
}): WorkstationSchedule[] {
  const days = parseDays(request.days);
  const timeZone = requireTimeZone(request.time_zone);
  const schedules: WorkstationSchedule[] = [];
  for (const action of ['stop', 'start'] as ScheduledAction[]) {
    const at = request[action];
    if (at === undefined) continue;
    const { hour, minute } = parseClock(at, `--${action}`);
    schedules.push({
      name: `${request.instance_id}-${action}`,
      region: request.region,
      instance_id: request.instance_id,
      action,
      expression: `cron(${minute} ${hour} ? * ${days} *)`,
      time_zone: timeZone,
      enabled: true,
    });
  }
  if (schedules.length === 0) throw new OperationError('invalid', 'give --stop HH:MM, --start HH:MM or both');
  return schedules;
}

/** `cron(0 19 ? * MON-FRI *)` read back as `19:00 MON-FRI`. */
export function describeExpression(expression: string): string {
  const match = /^cron\((\d+) (\d+) \? \* (\S+) \*\)$/.exec(expression);
  if (!match) return expression;
  return `${String(match[2]).padStart(2, '0')}:${String(match[1]).padStart(2, '0')} ${match[3] === '*' ? 'daily' : match[3]}`;
}
