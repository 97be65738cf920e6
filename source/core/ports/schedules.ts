/** EventBridge Scheduler: start and stop workstations at set times of the week. */

export type ScheduledAction = 'start' | 'stop';

export interface WorkstationSchedule {
  /** Unique in the app's schedule group: `<instance id>-<action>`. */
  name: string;
  region: string;
  instance_id: string;
  action: ScheduledAction;
  /** A Scheduler cron expression, e.g. `cron(0 19 ? * MON-FRI *)`. */
  expression: string;
  /** IANA time zone the expression is read in. */
  time_zone: string;
  enabled: boolean;
}

export interface SchedulePort {
  listSchedules(region: string): Promise<WorkstationSchedule[]>;
  /** Creates or replaces the schedule (and the role it runs with, which may only start/stop tagged workstations). */
  putSchedule(schedule: WorkstationSchedule): Promise<void>;
  deleteSchedule(region: string, name: string): Promise<void>;
}
