import type { IAMClient } from '@aws-sdk/client-iam';
import {
  CreateScheduleCommand,
  CreateScheduleGroupCommand,
  DeleteScheduleCommand,
  GetScheduleCommand,
  paginateListSchedules,
  type SchedulerClient,
  UpdateScheduleCommand,
} from '@aws-sdk/client-scheduler';
import type { ScheduledAction, SchedulePort, WorkstationSchedule } from '../../core/ports.js';
import { TAG } from '../../core/ports.js';
import { callAws } from '../callAws.js';
import { ensureServiceRole } from '../ensureServiceRole.js';

export const SCHEDULE_GROUP = 'cws-tui';
export const SCHEDULER_ROLE = 'cws-tui-scheduler';

/** The scheduler may start and stop instances, and only those the app manages (tagged cws:managed). */
export const SCHEDULER_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: ['ec2:StartInstances', 'ec2:StopInstances'],
      Resource: 'arn:aws:ec2:*:*:instance/*',
      Condition: { StringEquals: { [`aws:ResourceTag/${TAG.managed}`]: 'true' } },
    },
  ],
});

const TARGET_ARN: Record<ScheduledAction, string> = {
  start: 'arn:aws:scheduler:::aws-sdk:ec2:startInstances',
  stop: 'arn:aws:scheduler:::aws-sdk:ec2:stopInstances',
};

export interface EventBridgeSchedulesOptions {
  scheduler: (region: string) => SchedulerClient;
  iam: () => IAMClient;
  profile?: string;
}

/** Start/stop schedules in the app's schedule group, run with a role limited to tagged workstations. */
export class EventBridgeSchedules implements SchedulePort {
  private role: Promise<string> | undefined;
  private readonly groups = new Map<string, Promise<void>>();

  constructor(private readonly options: EventBridgeSchedulesOptions) {}

  private context(action: string, region: string) {
    return { action, region, ...(this.options.profile ? { profile: this.options.profile } : {}) };
  }

  async listSchedules(region: string): Promise<WorkstationSchedule[]> {
    const client = this.options.scheduler(region);
    const names: string[] = [];
    await callAws(this.context('scheduler:ListSchedules', region), async () => {
      try {
        for await (const page of paginateListSchedules({ client }, { GroupName: SCHEDULE_GROUP })) {
          for (const summary of page.Schedules ?? []) if (summary.Name) names.push(summary.Name);
        }
      } catch (error) {
        // No group yet: no schedules.
        if (error instanceof Error && error.name === 'ResourceNotFoundException') return;
        throw error;
      }
    });
    const schedules: WorkstationSchedule[] = [];
    for (const name of names) {
      const schedule = await callAws(this.context('scheduler:GetSchedule', region), () =>
        client.send(new GetScheduleCommand({ Name: name, GroupName: SCHEDULE_GROUP })),
      );
      const action = schedule.Target?.Arn === TARGET_ARN.start ? 'start' : 'stop';
      const input = JSON.parse(schedule.Target?.Input ?? '{}') as { InstanceIds?: string[] };
      schedules.push({
        name,
        region,
        instance_id: input.InstanceIds?.[0] ?? '',
        action,
        expression: schedule.ScheduleExpression ?? '',
        time_zone: schedule.ScheduleExpressionTimezone ?? 'UTC',
        enabled: schedule.State !== 'DISABLED',
      });
    }
    return schedules;
  }

  async putSchedule(schedule: WorkstationSchedule): Promise<void> {
    const { region } = schedule;
    await this.ensureGroup(region);
    const roleArn = await this.ensureRole();
    const input = {
      Name: schedule.name,
      GroupName: SCHEDULE_GROUP,
      ScheduleExpression: schedule.expression,
      ScheduleExpressionTimezone: schedule.time_zone,
      FlexibleTimeWindow: { Mode: 'OFF' as const },
      State: schedule.enabled ? ('ENABLED' as const) : ('DISABLED' as const),
      Description: `cws-tui: ${schedule.action} ${schedule.instance_id}`,
      Target: {
        Arn: TARGET_ARN[schedule.action],
        RoleArn: roleArn,
        Input: JSON.stringify({ InstanceIds: [schedule.instance_id] }),
      },
    };
    const client = this.options.scheduler(region);
    try {
      await client.send(new CreateScheduleCommand(input));
    } catch (error) {
      if (!(error instanceof Error && error.name === 'ConflictException')) {
        return callAws(this.context('scheduler:CreateSchedule', region), () => Promise.reject(error));
      }
      await callAws(this.context('scheduler:UpdateSchedule', region), () =>
        client.send(new UpdateScheduleCommand(input)),
      );
    }
  }

  async deleteSchedule(region: string, name: string): Promise<void> {
    try {
      await this.options
        .scheduler(region)
        .send(new DeleteScheduleCommand({ Name: name, GroupName: SCHEDULE_GROUP }));
    } catch (error) {
      if (error instanceof Error && error.name === 'ResourceNotFoundException') return;
      await callAws(this.context('scheduler:DeleteSchedule', region), () => Promise.reject(error));
    }
  }

  private ensureGroup(region: string): Promise<void> {
    let pending = this.groups.get(region);
    if (!pending) {
      pending = this.options
        .scheduler(region)
        .send(
          new CreateScheduleGroupCommand({
            Name: SCHEDULE_GROUP,
            Tags: [{ Key: TAG.managed, Value: 'true' }],
          }),
        )
        .then(
          () => undefined,
          (error: unknown) => {
            if (error instanceof Error && error.name === 'ConflictException') return;
            return callAws(this.context('scheduler:CreateScheduleGroup', region), () =>
              Promise.reject(error),
            );
          },
        );
      pending.catch(() => this.groups.delete(region));
      this.groups.set(region, pending);
    }
    return pending;
  }

  private ensureRole(): Promise<string> {
    this.role ??= ensureServiceRole(
      this.options.iam(),
      {
        name: SCHEDULER_ROLE,
        path: '/cws-tui/',
        description: 'cws-tui schedules: start and stop workstations tagged cws:managed=true, nothing else',
        trustedService: 'scheduler.amazonaws.com',
        managedPolicyArns: [],
        inlinePolicies: { 'start-stop-managed-workstations': SCHEDULER_POLICY },
      },
      this.options.profile,
    );
    this.role.catch(() => {
      this.role = undefined;
    });
    return this.role;
  }
}
